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

// Stops a scan that is still running (after a fault or a cancel request). Backends that read
// in a thread stop it with an asynchronous pthread_cancel in sane_cancel; caught inside
// malloc or strerror, that thread dies holding a libc lock and the process later hangs (seen
// with the test backend). A short grace period lets the reader reach a blocking write — a
// safe place to die — or finish, before it is cancelled.
void cancelRunningScan(SANE_Handle handle) noexcept;

} // namespace sohoa::scanner::sane
