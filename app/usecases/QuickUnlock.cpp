// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/QuickUnlock.h"

#include "domain/UserError.h"
#include "platform/OsKeyring.h"
#include "usecases/AuditTrail.h"
#include "usecases/StoreAccess.h"

#include <QFileInfo>

namespace sohoa::usecases {

namespace {
QStringList quickUnlockLabels(const QString& path)
{
    // A store without a readable key file has no quick unlock; opening it reports why.
    try {
        return storage::Store::keyringSlotLabels(path);
    } catch (const storage::StoreError&) {
        return {};
    }
}
} // namespace

QString QuickUnlock::entryFor(const QString& path, const QString& label)
{
    // One entry per store file and officer: a session may hold several of each.
    return QStringLiteral("store:%1#%2").arg(QFileInfo(path).absoluteFilePath(), label);
}

void QuickUnlock::enable(storage::Store& store, const QString& actor)
{
    const QString label = store.unlockedSlot();
    if (label == QLatin1String("recovery"))
        throw UserError(ErrorKind::InvalidInput,
                        tr("Quick unlock belongs to an officer: unlock with your own passphrase "
                           "first."));
    StoreAccess::guarded([&] {
        const storage::SecureBytes secret = store.enableKeyringUnlock();
        if (const auto failure =
                platform::OsKeyring::write(entryFor(store.path(), label), secret)) {
            store.disableKeyringUnlock();
            throw UserError(ErrorKind::Storage,
                            tr("The system keyring is not available (%1); quick unlock stays "
                               "off.")
                                .arg(failure->reason));
        }
        recordEvent(store, {}, actor, QStringLiteral("quick-unlock-enabled"), label);
    });
}

bool QuickUnlock::disable(storage::Store& store, const QString& actor)
{
    const QString label = store.unlockedSlot();
    return StoreAccess::guarded([&] {
        // The key-file slot is what grants access; the keyring entry is then only litter.
        const bool hadSlot = store.disableKeyringUnlock();
        platform::OsKeyring::remove(entryFor(store.path(), label));
        if (hadSlot)
            recordEvent(store, {}, actor, QStringLiteral("quick-unlock-disabled"), label);
        return hadSlot;
    });
}

bool QuickUnlock::availableFor(const QString& path)
{
    for (const QString& label : quickUnlockLabels(path))
        if (platform::OsKeyring::read(entryFor(path, label)))
            return true;
    return false;
}

std::unique_ptr<storage::Store> QuickUnlock::open(const QString& path)
{
    for (const QString& label : quickUnlockLabels(path)) {
        const auto secret = platform::OsKeyring::read(entryFor(path, label));
        if (!secret)
            continue;
        try {
            return storage::Store::openWithKeyringSecret(path, label, *secret);
        } catch (const storage::StoreError& error) {
            // A secret left over from an earlier slot (rekeyed away) just does not fit.
            if (error.code() != storage::StoreErrorCode::WrongPassphrase)
                StoreAccess::throwAsUserError(error);
        }
    }
    return nullptr;
}

} // namespace sohoa::usecases
