// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "sync/HubClient.h"

#include <optional>

namespace sohoa::usecases {

// Beyond this difference from the hub's clock the officer is warned (docs/SYNC-PROTOCOL.md
// §4.3): the workstation's clock writes the dossiers' national dates (NgayTiepNhan...).
inline constexpr qint64 kClockWarningSeconds = 5 * 60;

// How far the hub's clock is ahead of ours (negative: behind), from its status answer and
// corrected by half the round trip; nullopt when the hub does not answer.
std::optional<qint64> hubClockSkewSeconds(const sync::HubClient& hub);

// Whether `skew` calls for the warning; if so, records it in the audit trail.
bool auditClockSkew(storage::Store& store, std::optional<qint64> skew, const QString& officerId);

} // namespace sohoa::usecases
