// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/FailureThrottle.h"

#include <algorithm>
#include <iterator>

namespace sohoa::hub {

namespace {
// Beyond this many sources, a failure also sweeps out the sources that are forgiven, so a scan
// from many addresses cannot grow the map without end.
constexpr std::size_t kSweepAbove = 10000;
} // namespace

FailureThrottle::FailureThrottle(int limit, std::chrono::seconds window)
    : limit_(static_cast<std::size_t>(std::max(1, limit))), window_(window)
{
}

void FailureThrottle::forgetOld(std::deque<Clock::time_point>& failures,
                                Clock::time_point now) const
{
    while (!failures.empty() && failures.front() + window_ <= now)
        failures.pop_front();
}

std::chrono::seconds FailureThrottle::wait(const std::string& source)
{
    const std::lock_guard lock(mutex_);
    const auto found = failures_.find(source);
    if (found == failures_.end())
        return std::chrono::seconds(0);
    const Clock::time_point now = Clock::now();
    forgetOld(found->second, now);
    if (found->second.size() < limit_) {
        if (found->second.empty())
            failures_.erase(found);
        return std::chrono::seconds(0);
    }
    // Rounded up: a client that waits exactly this long is let through.
    const auto remaining = found->second.front() + window_ - now;
    return std::chrono::ceil<std::chrono::seconds>(remaining);
}

void FailureThrottle::recordFailure(const std::string& source)
{
    const std::lock_guard lock(mutex_);
    const Clock::time_point now = Clock::now();
    if (failures_.size() > kSweepAbove)
        for (auto entry = failures_.begin(); entry != failures_.end();) {
            forgetOld(entry->second, now);
            entry = entry->second.empty() ? failures_.erase(entry) : std::next(entry);
        }
    std::deque<Clock::time_point>& failures = failures_[source];
    forgetOld(failures, now);
    failures.push_back(now);
}

} // namespace sohoa::hub
