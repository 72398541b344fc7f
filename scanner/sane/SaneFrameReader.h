// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reading one page from a started SANE device: sane_get_parameters / sane_read until EOF,
// for every frame of the page (one for gray and RGB; red, green and blue for three-pass
// scanners), with unknown heights (hand scanners), 1/8/16-bit samples, progress reports and
// cancellation between reads. Internal to the SANE driver.

#include "scanner/CancelToken.h"
#include "scanner/PageSink.h"
#include "scanner/ScanTypes.h"

#include <optional>
#include <sane/sane.h>

namespace sohoa::scanner::sane {

struct PageRequest
{
    SANE_Handle handle = nullptr;
    int pageNumber = 1; // 1-based, for progress and messages
    double dpi = 0.0;   // stored in the frame
};

// Call after sane_start succeeded for the page's first frame. Returns the page, or nullopt
// when the device reports SANE_STATUS_NO_DOCS before sending any byte of it (feeder ran
// empty). Throws ScanError for device faults, and ScanStatus::Cancelled when `cancel` is set
// (after sane_cancel). Never calls sink.onPage; only sink.onProgress.
std::optional<Frame> readPage(const PageRequest& request, PageSink& sink,
                              const CancelToken& cancel);

} // namespace sohoa::scanner::sane
