// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/BandwidthLimit.h"

#include <algorithm>
#include <thread>

namespace sohoa::sync {

namespace {
constexpr long long kSmallestChunk = 64 * 1024;
constexpr long long kLargestChunk = 1024 * 1024;
constexpr int kSecondsPerChunk = 20;
} // namespace

BandwidthLimit::BandwidthLimit(int kilobitsPerSecond, Clock clock, Sleep sleep)
    : kilobitsPerSecond_(std::max(0, kilobitsPerSecond)),
      bytesPerSecond_(kilobitsPerSecond_ * 1000.0 / 8.0), tokens_(bytesPerSecond_),
      clock_(clock ? std::move(clock) : Clock([] { return std::chrono::steady_clock::now(); })),
      sleep_(sleep ? std::move(sleep) : Sleep([](std::chrono::microseconds wait) {
          std::this_thread::sleep_for(wait);
      }))
{
    last_ = clock_();
}

void BandwidthLimit::take(long long bytes)
{
    if (kilobitsPerSecond_ == 0 || bytes <= 0)
        return;
    const auto now = clock_();
    const double elapsed = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    // The bucket holds at most one second of traffic: an idle minute is no licence to burst.
    tokens_ = std::min(bytesPerSecond_, tokens_ + elapsed * bytesPerSecond_) - double(bytes);
    if (tokens_ >= 0)
        return;
    const auto wait =
        std::chrono::microseconds(static_cast<long long>(-tokens_ / bytesPerSecond_ * 1e6));
    sleep_(wait);
    last_ = clock_();
    tokens_ = 0;
}

long long BandwidthLimit::uploadChunkBytes(int kilobitsPerSecond)
{
    if (kilobitsPerSecond <= 0)
        return kLargestChunk;
    const long long bytes = static_cast<long long>(kilobitsPerSecond) * 1000 / 8 * kSecondsPerChunk;
    return std::clamp(bytes, kSmallestChunk, kLargestChunk);
}

} // namespace sohoa::sync
