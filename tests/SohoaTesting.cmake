# sohoa_add_test(NAME SOURCES file... LIBS lib... LABELS label... [ENV VAR=VALUE...]
#                [WRAPPER command...])
# Builds a QtTest executable and registers it with CTest; WRAPPER runs it inside another
# command (e.g. a private keyring session).
function(sohoa_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS;ENV;WRAPPER" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  sohoa_set_warnings(${name})
  target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
  target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/tests")
  target_compile_definitions(${name} PRIVATE
    SOHOA_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    SOHOA_BINARY_DIR="${PROJECT_BINARY_DIR}"
    SOHOA_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  add_test(NAME ${name} COMMAND ${ARG_WRAPPER} $<TARGET_FILE:${name}>)
  set_tests_properties(${name} PROPERTIES
    LABELS "${ARG_LABELS}"
    TIMEOUT 300
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;OMP_THREAD_LIMIT=1;SOHOA_LANG=en;LC_ALL=C.UTF-8;${ARG_ENV}")
endfunction()
