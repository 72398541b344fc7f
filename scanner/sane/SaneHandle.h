// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An open SANE device. Closing it always cancels a scan in progress first, so every path out
// of a scan (success, fault, cancellation, exception in a callback) leaves the device idle.
// Internal to the SANE driver; the caller must hold the driver's library lock.

#include <sane/sane.h>
#include <string>

namespace sohoa::scanner::sane {

class SaneHandle
{
public:
    // Throws ScanError: DeviceNotFound for an unknown id, else the mapped SANE status.
    explicit SaneHandle(const std::string& deviceId);
    ~SaneHandle();

    SaneHandle(const SaneHandle&) = delete;
    SaneHandle& operator=(const SaneHandle&) = delete;
    SaneHandle(SaneHandle&& other) noexcept;
    SaneHandle& operator=(SaneHandle&& other) noexcept;

    SANE_Handle get() const noexcept { return handle_; }
    const std::string& deviceId() const noexcept { return deviceId_; }

    // Stops the current scan or batch (sane_cancel). Harmless when idle.
    void cancel() noexcept;

private:
    void close() noexcept;

    SANE_Handle handle_ = nullptr;
    std::string deviceId_;
};

} // namespace sohoa::scanner::sane
