// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>

namespace sohoa::scanner {

// Asks a running scan to stop. Any thread may call cancel(); the driver polls
// isCancelled() between reads and then ends the scan with ScanStatus::Cancelled.
class CancelToken
{
public:
    CancelToken() = default;
    CancelToken(const CancelToken&) = delete;
    CancelToken& operator=(const CancelToken&) = delete;

    void cancel() noexcept { cancelled_.store(true, std::memory_order_release); }
    bool isCancelled() const noexcept { return cancelled_.load(std::memory_order_acquire); }
    // Makes the token usable for another scan. Never call it while a scan uses the token.
    void reset() noexcept { cancelled_.store(false, std::memory_order_release); }

private:
    std::atomic<bool> cancelled_{false};
};

} // namespace sohoa::scanner
