// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

#include <QCoreApplication>

namespace sohoa::usecases {

// Who may unlock the store, and with what. Every change is written to the audit trail.
// (Role checks — only a supervisor adds, removes and rekeys — arrive with officer accounts.)
class StoreKeys
{
    Q_DECLARE_TR_FUNCTIONS(StoreKeys)

public:
    static void addOfficer(storage::Store& store, const QString& actor, const QString& label,
                           const storage::SecureBytes& passphrase);
    // Removes the officer's slot and rekeys, so a copied key file stops working too.
    static void removeOfficer(storage::Store& store, const QString& actor, const QString& label);
    static void changePassphrase(storage::Store& store, const QString& actor,
                                 const storage::SecureBytes& newPassphrase);
    static void rekey(storage::Store& store, const QString& actor);
    // After unlocking with the recovery key: gives `label` a new passphrase.
    static void recover(storage::Store& store, const QString& label,
                        const storage::SecureBytes& newPassphrase);
    static void backup(storage::Store& store, const QString& actor, const QString& target);
};

} // namespace sohoa::usecases
