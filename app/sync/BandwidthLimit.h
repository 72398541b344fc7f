// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>

namespace sohoa::sync {

// The sync worker's bandwidth cap (docs/SYNC-PROTOCOL.md §10.4): a token bucket holding one
// second of traffic at the cap. Bytes beyond it are paid for by waiting, so that a commune's
// shared uplink stays usable for the rest of the office while a backlog uploads.
class BandwidthLimit
{
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    using Sleep = std::function<void(std::chrono::microseconds)>;

    // `kilobitsPerSecond` 0 means no cap. The clock and the sleep are the real ones unless a
    // test gives its own.
    explicit BandwidthLimit(int kilobitsPerSecond, Clock clock = {}, Sleep sleep = {});

    // Accounts for `bytes` sent or received, waiting first when the bucket cannot pay.
    void take(long long bytes);
    int kilobitsPerSecond() const { return kilobitsPerSecond_; }

    // The upload chunk for a cap: about 20 s of traffic, between 64 KiB and 1 MiB, so a cut
    // connection costs little on a slow line (1 MiB without a cap).
    static long long uploadChunkBytes(int kilobitsPerSecond);

private:
    int kilobitsPerSecond_;
    double bytesPerSecond_;
    double tokens_; // bytes that may pass now; negative while a wait is owed
    std::chrono::steady_clock::time_point last_;
    Clock clock_;
    Sleep sleep_;
};

} // namespace sohoa::sync
