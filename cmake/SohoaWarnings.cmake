# Project code builds warning-free: warnings are errors.
function(sohoa_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror
                         -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
                         -Woverloaded-virtual -Wimplicit-fallthrough)
  # Qt and Tesseract headers are system headers; keep their warnings out of ours.
endfunction()
