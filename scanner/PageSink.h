// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scanner/ScanTypes.h"

namespace sohoa::scanner {

// Receives the pages of a scan as they complete. Called on the thread that runs
// ScannerDriver::scan. If a callback throws, the scan stops and the exception propagates.
class PageSink
{
public:
    virtual ~PageSink() = default;

    // A page is complete. The sink owns it from now on (store it, drop it from RAM):
    // the driver keeps no copy, and a later fault does not take it back.
    virtual void onPage(Frame&& frame) = 0;

    // Progress within page `page` (1-based count of this scan's pages). `fraction` runs from
    // 0 to 1; it is negative when the page height is unknown in advance (hand scanners).
    virtual void onProgress(int page, double fraction)
    {
        (void)page;
        (void)fraction;
    }
};

} // namespace sohoa::scanner
