// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/SecureBytes.h"
#include "storage/Store.h"
#include "storage/StoreError.h"

#include <QCoreApplication>
#include <memory>

namespace sohoa::usecases {

// Opening and creating the encrypted store, with every storage failure turned into a message
// the officer can act on (UserError, in the user's language).
class StoreAccess
{
    Q_DECLARE_TR_FUNCTIONS(StoreAccess)

public:
    // Returns the agency's recovery key, to be shown exactly once.
    static storage::SecureBytes create(const QString& path, const storage::SecureBytes& passphrase,
                                       const QString& officerId, const QString& agencyCode);
    static std::unique_ptr<storage::Store> open(const QString& path,
                                                const storage::SecureBytes& passphrase);
    static std::unique_ptr<storage::Store> openWithRecoveryKey(const QString& path,
                                                               const storage::SecureBytes& key);
    // Argon2id cost for new key slots: calibrated to about 0.5 s on this machine.
    static storage::KdfParams kdfForNewSlots();
    // Refuses passphrases too short to resist guessing.
    static void requireAcceptable(const storage::SecureBytes& passphrase);

    // Runs `work`, translating StoreError into UserError.
    template <typename Work> static auto guarded(Work&& work) -> decltype(work())
    {
        try {
            return work();
        } catch (const storage::StoreError& error) {
            throwAsUserError(error);
        }
    }
    [[noreturn]] static void throwAsUserError(const storage::StoreError& error);
    // The setting stored under `key`; empty when there is none.
    static QString setting(storage::Store& store, const char* key);
    static QString describe(storage::StoreErrorCode code);
};

} // namespace sohoa::usecases
