// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The interface every scanner backend implements (SANE on Linux, later TWAIN on Windows).
// Standard C++ only: no Qt, no backend headers.

#include "scanner/CancelToken.h"
#include "scanner/PageSink.h"
#include "scanner/ScanError.h"
#include "scanner/ScanTypes.h"

#include <string>
#include <vector>

namespace sohoa::scanner {

class ScannerDriver
{
public:
    virtual ~ScannerDriver() = default;

    ScannerDriver() = default;
    ScannerDriver(const ScannerDriver&) = delete;
    ScannerDriver& operator=(const ScannerDriver&) = delete;

    // Devices currently reachable (may take seconds: USB and network discovery).
    virtual std::vector<DeviceInfo> listDevices() = 0;

    // What each source of the device offers. Throws ScanError (DeviceNotFound, DeviceBusy...).
    virtual Capabilities capabilities(const std::string& deviceId) = 0;

    // Scans with `options`, blocking until the flatbed page, or the feeder batch, is done.
    // Meant for a worker thread. Each page goes to sink.onPage() as soon as it is complete.
    // On failure throws ScanError; pages delivered before the failure stay delivered, so the
    // caller keeps them. A feeder batch ends normally when the feeder runs empty after at
    // least one page, or after options.maxPages pages; an empty feeder with no page at all is
    // ScanStatus::NoDocuments. Cancelling through `cancel` throws ScanStatus::Cancelled.
    virtual void scan(const std::string& deviceId, const ScanOptions& options, PageSink& sink,
                      const CancelToken& cancel) = 0;
};

} // namespace sohoa::scanner
