// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <optional>

namespace sohoa::usecases {

// When to try an outbox row again after the hub could not take it (docs/SYNC-PROTOCOL.md
// §10.3): exponential back-off from 1 s, doubling, capped at 5 minutes, with full jitter so
// that a province's counters coming back online together do not knock in step; a Retry-After
// from the hub is a minimum.
std::chrono::milliseconds retryDelay(int attempts,
                                     std::optional<std::chrono::seconds> retryAfter = {});

} // namespace sohoa::usecases
