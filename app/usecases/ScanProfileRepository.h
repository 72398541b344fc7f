// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "usecases/ScanProfile.h"

#include <QJsonObject>
#include <utility>
#include <vector>

namespace sohoa::usecases {

// The scan profiles of a workstation, kept as JSON in the encrypted store's settings: the
// built-ins (as edited, where they were) and the profiles the agency added. Every change is
// audited as "setting-changed".
//
// The administrator lock: until officer accounts carry roles, the administrator is whoever
// unlocked the store with the agency's recovery key. Only they lock and unlock the profiles,
// and while the profiles are locked only they change them; officers still pick one.
class ScanProfileRepository
{
    Q_DECLARE_TR_FUNCTIONS(ScanProfileRepository)

public:
    struct Entry
    {
        ScanProfile profile;
        bool builtIn = false;
        bool edited = false; // a built-in that differs from how it ships
    };

    // Built-ins first, in their order, then the added profiles by ID.
    static std::vector<Entry> all(storage::Store& store);
    // Both throw UserError(NotFound) for an unknown ID.
    static Entry entry(storage::Store& store, const QString& id);
    // `store` nullptr: the built-ins only (a scan without a store).
    static ScanProfile find(storage::Store* store, const QString& id);
    static bool isLocked(storage::Store& store);
    static bool isAdministrator(const storage::Store& store);

    // Each throws UserError: InvalidInput for a bad ID, setting or value, NotFound for an
    // unknown profile, AccessDenied when the lock (or the lack of the recovery key) forbids it.
    static void set(storage::Store& store, const QString& actor, const QString& id,
                    const QString& key, const QString& value);
    // A new profile with the settings of `fromId`; named `name`, or after its ID.
    static ScanProfile add(storage::Store& store, const QString& actor, const QString& id,
                           const QString& fromId, const QString& name = {});
    // A built-in back to how it ships; false when it was not edited.
    static bool reset(storage::Store& store, const QString& actor, const QString& id);
    static void setLocked(storage::Store& store, const QString& actor, bool locked);

    // The settings (key, value) that make the province's profiles (docs/SYNC-PROTOCOL.md §7.2
    // `scan_profiles`: `profiles` in the JSON of `profile list`, `locked`) this workstation's:
    // they replace the stored ones, and the lock is the province's. UserError(InvalidInput)
    // for a profile that is not one.
    static std::vector<std::pair<QString, QString>> provinceSettings(const QJsonObject& pushed);
};

} // namespace sohoa::usecases
