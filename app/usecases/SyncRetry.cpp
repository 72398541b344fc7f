// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/SyncRetry.h"

#include <QRandomGenerator>
#include <QtGlobal>
#include <algorithm>

namespace sohoa::usecases {

namespace {

constexpr std::chrono::milliseconds kBase = std::chrono::seconds(1);
constexpr std::chrono::milliseconds kCap = std::chrono::minutes(5);

std::chrono::milliseconds base()
{
#ifdef SOHOA_TEST_HOOKS
    // Test builds only: a fault storm of a thousand failures must not wait minutes.
    if (const int testBase = qEnvironmentVariableIntValue("SOHOA_TEST_SYNC_RETRY_BASE_MS");
        testBase > 0)
        return std::chrono::milliseconds(testBase);
#endif
    return kBase;
}

} // namespace

std::chrono::milliseconds retryDelay(int attempts, std::optional<std::chrono::seconds> retryAfter)
{
    const int doublings = std::clamp(attempts - 1, 0, 20);
    const auto ceiling = std::min<std::chrono::milliseconds>(kCap, base() * (1LL << doublings));
    const auto jittered = std::chrono::milliseconds(
        QRandomGenerator::global()->bounded(static_cast<qint64>(ceiling.count()) + 1));
    return retryAfter ? std::max<std::chrono::milliseconds>(jittered, *retryAfter) : jittered;
}

} // namespace sohoa::usecases
