// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

#include <QCoreApplication>
#include <vector>

namespace sohoa::usecases {

// The settings an agency tunes per workstation, kept in the encrypted store (so they travel
// with backups) and changed only through here: each has bounds, and each change is audited.
class WorkstationSettings
{
    Q_DECLARE_TR_FUNCTIONS(WorkstationSettings)

public:
    struct Setting
    {
        QString name; // as typed on the command line, e.g. "auto-lock-minutes"
        int value;
        int minimum;
        int maximum;
        bool isDefault;
    };

    // Idle minutes before the window locks; 0 = never.
    static int autoLockMinutes(storage::Store& store);
    // Days a dossier's files stay after the province confirmed them (at most the province's
    // limit, ProvinceSettings::retentionDaysMax).
    static int retentionDays(storage::Store& store);
    // The sync worker's bandwidth cap in kilobits per second; 0 = none.
    static int syncBandwidthKbps(storage::Store& store);
    // How often the window's sync worker looks at the hub when nothing else wakes it.
    static int syncIntervalSeconds(storage::Store& store);

    static std::vector<Setting> all(storage::Store& store);
    // The key the setting `name` is stored under; throws UserError for an unknown name or a
    // value out of bounds.
    static QString checkedKey(const QString& name, int value);
    // Throws UserError for an unknown name or a value out of bounds; audited.
    static void set(storage::Store& store, const QString& actor, const QString& name, int value);
};

} // namespace sohoa::usecases
