// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/SyncRetry.h"

#include <QRandomGenerator>
#include <algorithm>

namespace sohoa::usecases {

namespace {
constexpr std::chrono::milliseconds kBase = std::chrono::seconds(1);
constexpr std::chrono::milliseconds kCap = std::chrono::minutes(5);
} // namespace

std::chrono::milliseconds retryDelay(int attempts, std::optional<std::chrono::seconds> retryAfter)
{
    const int doublings = std::clamp(attempts - 1, 0, 20);
    const auto ceiling = std::min<std::chrono::milliseconds>(kCap, kBase * (1LL << doublings));
    const auto jittered = std::chrono::milliseconds(
        QRandomGenerator::global()->bounded(static_cast<qint64>(ceiling.count()) + 1));
    return retryAfter ? std::max<std::chrono::milliseconds>(jittered, *retryAfter) : jittered;
}

} // namespace sohoa::usecases
