// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scanner/ScanError.h"
#include "scanner/ScannerDriver.h"
#include "usecases/CapturedPage.h"

#include <QCoreApplication>
#include <functional>
#include <memory>

namespace sohoa::usecases {

// The app's side of the scanner: picks the platform driver, runs each scan on a worker
// thread, hands pages over (as QImages) on the caller's thread as they complete, and turns
// scanner faults into messages that tell the officer what to do. Pages delivered before a
// fault stay delivered; the fault is thrown after them.
class PageScanner
{
    Q_DECLARE_TR_FUNCTIONS(PageScanner)

public:
    PageScanner();
    ~PageScanner();

    std::vector<scanner::DeviceInfo> devices();
    void scan(const QString& deviceId, const scanner::ScanOptions& options,
              const std::function<void(CapturedPage&&)>& onPage);

    enum class Side
    {
        Front,
        Back
    };
    // Both sides on a simplex feeder: scans the fronts, calls `turnStack` (the officer turns
    // the stack over and feeds it again), scans the backs. Each page comes with its 1-based
    // place in the document as it arrives (ManualDuplexOrder), so none waits for the second
    // pass. Throws UserError (InvalidInput) when the passes differ in length.
    void scanManualDuplex(const QString& deviceId, const scanner::ScanOptions& options,
                          const std::function<void()>& turnStack,
                          const std::function<void(CapturedPage&&, int position, Side)>& onPage);

    static QString describe(scanner::ScanStatus status);
    // Whether a scanner library was started in this process: it may leave libc state behind
    // that the process's exit handlers cannot survive (see sohoa-cli's main).
    static bool usedInThisProcess();
    // Pages from SANE's virtual test device are test data, never real work.
    static bool isTestDevice(const QString& deviceId);

private:
    std::unique_ptr<scanner::ScannerDriver> driver_;
};

} // namespace sohoa::usecases
