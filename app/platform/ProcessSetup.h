// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace sohoa::platform {

// libgomp reads OMP_THREAD_LIMIT once, when Tesseract's library is loaded — before main()
// runs — so setting it later has no effect. When it is not "1", this sets it and re-executes
// the program. Call it first thing in main(). Unset, OpenMP makes Tesseract 4–5x slower on a
// 2-core machine where the OCR pool already keeps every core busy.
void ensureSingleThreadedOpenMp(char** argv);

// No core dumps and no ptrace by other processes of the same user: a crash must not write
// page images or keys to disk. Exceeding a file-size limit fails the write instead of
// killing the process.
void hardenProcess();

// Page images are tens of megabytes each and pass through several threads. glibc's malloc
// raises its mmap threshold to the largest block freed so far, after which such buffers come
// from per-thread heaps that fragment and never shrink: a long batch then grows past 500 MB.
// A fixed threshold keeps every page-sized buffer in its own mapping, handed back to the system
// (and its pixels gone from the process) as soon as it is freed.
void returnLargeBuffersToTheSystem();

// Hands the free memory inside every thread's heap back to the system. Called once per
// finished page: the working images below the mmap threshold otherwise leave holes that keep
// a long batch's resident size growing.
void releaseFreeHeapMemory();

} // namespace sohoa::platform
