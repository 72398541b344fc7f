// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace sohoa::hub {

// Counts failures per source (a client's address) over a sliding window; a source with `limit`
// failures in the window waits until the oldest of them leaves it. Guessing enrolment codes
// this way costs a guesser years. Kept in memory: a restart forgives, and hubs behind a load
// balancer count apart (each still bounds the guessing rate).
class FailureThrottle
{
public:
    using Clock = std::chrono::steady_clock;

    FailureThrottle(int limit, std::chrono::seconds window);

    // How long `source` must still wait; zero when it may try now.
    std::chrono::seconds wait(const std::string& source);
    void recordFailure(const std::string& source);

private:
    // Drops `failures`' entries older than the window.
    void forgetOld(std::deque<Clock::time_point>& failures, Clock::time_point now) const;

    const std::size_t limit_;
    const std::chrono::seconds window_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::deque<Clock::time_point>> failures_;
};

} // namespace sohoa::hub
