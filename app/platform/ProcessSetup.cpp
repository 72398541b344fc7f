// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/ProcessSetup.h"

#include <cstdlib>
#include <cstring>

#ifdef __GLIBC__
#include <malloc.h>
#endif
#ifdef __linux__
#include <csignal>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace sohoa::platform {

void ensureSingleThreadedOpenMp(char** argv)
{
    const char* limit = std::getenv("OMP_THREAD_LIMIT");
    if (limit != nullptr && std::strcmp(limit, "1") == 0)
        return;
    setenv("OMP_THREAD_LIMIT", "1", 1);
#ifdef __linux__
    execv("/proc/self/exe", argv);
    // exec failed (no /proc): carry on; OCR still works, only slower.
#else
    (void)argv;
#endif
}

void hardenProcess()
{
#ifdef __linux__
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    // Past a file-size limit, a failed write (reported, and rolled back) beats being killed.
    signal(SIGXFSZ, SIG_IGN);
#endif
}

void returnLargeBuffersToTheSystem()
{
#ifdef __GLIBC__
    // 16 MiB: a full A4 page at 300 dpi in colour is 26-35 MB, while Tesseract's many working
    // images (1-bit and grey, 1-9 MB) stay in the heap. At 1 MiB the fresh mappings' page
    // faults cost OCR 47% of its speed; at 16 MiB, 7%.
    mallopt(M_MMAP_THRESHOLD, 16 * 1024 * 1024);
#endif
}

void releaseFreeHeapMemory()
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

} // namespace sohoa::platform
