// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/sane/SaneHandle.h"

#include "scanner/ScanError.h"
#include "scanner/sane/SaneStatus.h"

#include <chrono>
#include <thread>
#include <utility>

namespace sohoa::scanner::sane {

SaneHandle::SaneHandle(const std::string& deviceId) : deviceId_(deviceId)
{
    if (deviceId.empty()) {
        throw ScanError(ScanStatus::DeviceNotFound, "no scanner device given");
    }
    SANE_Handle handle = nullptr;
    const SANE_Status status = sane_open(deviceId.c_str(), &handle);
    if (status == SANE_STATUS_INVAL) {
        // What backends (and the dll meta-backend for an unknown prefix) answer for a name
        // they do not know.
        throw ScanError(ScanStatus::DeviceNotFound,
                        describe(status, "cannot open scanner '" + deviceId + "'"));
    }
    if (status != SANE_STATUS_GOOD) {
        throwStatus(status, "cannot open scanner '" + deviceId + "'");
    }
    if (handle == nullptr) {
        throw ScanError(ScanStatus::DeviceNotFound,
                        "cannot open scanner '" + deviceId + "': backend returned no handle");
    }
    handle_ = handle;
}

SaneHandle::~SaneHandle()
{
    close();
}

SaneHandle::SaneHandle(SaneHandle&& other) noexcept
    : handle_(std::exchange(other.handle_, nullptr)), deviceId_(std::move(other.deviceId_))
{
}

SaneHandle& SaneHandle::operator=(SaneHandle&& other) noexcept
{
    if (this != &other) {
        close();
        handle_ = std::exchange(other.handle_, nullptr);
        deviceId_ = std::move(other.deviceId_);
    }
    return *this;
}

void SaneHandle::cancel() noexcept
{
    if (handle_ != nullptr) {
        sane_cancel(handle_);
    }
}

void SaneHandle::close() noexcept
{
    if (handle_ != nullptr) {
        sane_cancel(handle_);
        sane_close(handle_);
        handle_ = nullptr;
    }
}

void cancelRunningScan(SANE_Handle handle) noexcept
{
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    sane_cancel(handle);
}

} // namespace sohoa::scanner::sane
