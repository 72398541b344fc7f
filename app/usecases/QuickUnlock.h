// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

#include <QCoreApplication>
#include <memory>

namespace sohoa::usecases {

// Opt-in quick unlock: the officer's store slot is opened by a random secret kept in the OS
// keyring of their login session, so the session's own lock (and login password) guards it.
// The passphrase still works, and stays required after an idle auto-lock (docs/STORE.md).
class QuickUnlock
{
    Q_DECLARE_TR_FUNCTIONS(QuickUnlock)

public:
    // For the officer who unlocked `store` (not the recovery slot).
    static void enable(storage::Store& store, const QString& actor);
    // False when the officer had no quick unlock.
    static bool disable(storage::Store& store, const QString& actor);
    // Whether this session's keyring holds a quick-unlock secret for the store at `path`.
    static bool availableFor(const QString& path);
    // Opens with the first secret from this session's keyring that fits one of the store's
    // quick-unlock slots; nullptr when none does (the caller asks for the passphrase).
    static std::unique_ptr<storage::Store> open(const QString& path);

private:
    static QString entryFor(const QString& path, const QString& label);
};

} // namespace sohoa::usecases
