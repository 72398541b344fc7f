// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "sync/HubClient.h"

#include <QCoreApplication>

namespace sohoa::usecases {

struct HubSettingsResult
{
    int changed = 0; // settings and trust anchors changed
    QString error;   // why the settings could not be read or applied, for the officer
};

// The settings the province pushes (docs/SYNC-PROTOCOL.md §7.2), taken at each sync: a new
// revision is applied in one transaction with the revision itself — holidays and make-up
// working days into the store's working-day calendar, `sync.bandwidth_kbps` and
// `sync.interval_seconds` into the workstation settings they name, `tsa_url`, `code_blocks`
// and `retention_days_max` as ProvinceSettings, and the hub's trust anchors, stored as added by
// "hub" (one dropped from the pushed list is removed; the officer's own imports are never touched).
// Every change is audited `setting-changed` (anchors `trust-anchor-added`/`-removed`) by hub. A
// document whose values are out of bounds is refused whole and reported.
class HubSettingsPull
{
    Q_DECLARE_TR_FUNCTIONS(HubSettingsPull)

public:
    static HubSettingsResult pull(storage::Store& store, const sync::HubClient& hub);
};

} // namespace sohoa::usecases
