// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/StoreKeys.h"

#include "domain/UserError.h"
#include "usecases/AuditTrail.h"
#include "usecases/StoreAccess.h"

namespace sohoa::usecases {

void StoreKeys::addOfficer(storage::Store& store, const QString& actor, const QString& label,
                           const storage::SecureBytes& passphrase)
{
    StoreAccess::requireAcceptable(passphrase);
    StoreAccess::guarded([&] {
        store.addOfficer(label, passphrase, StoreAccess::kdfForNewSlots());
        recordEvent(store, {}, actor, QStringLiteral("officer-added"), label);
    });
}

void StoreKeys::removeOfficer(storage::Store& store, const QString& actor, const QString& label)
{
    if (label == QLatin1String("recovery"))
        throw UserError(ErrorKind::InvalidInput,
                        tr("The agency's recovery slot cannot be removed."));
    StoreAccess::guarded([&] {
        store.removeOfficer(label);
        store.rekey();
        recordEvent(store, {}, actor, QStringLiteral("officer-removed"), label);
    });
}

void StoreKeys::changePassphrase(storage::Store& store, const QString& actor,
                                 const storage::SecureBytes& newPassphrase)
{
    StoreAccess::requireAcceptable(newPassphrase);
    StoreAccess::guarded([&] {
        store.changePassphrase(newPassphrase, StoreAccess::kdfForNewSlots());
        recordEvent(store, {}, actor, QStringLiteral("passphrase-changed"), store.unlockedSlot());
    });
}

void StoreKeys::rekey(storage::Store& store, const QString& actor)
{
    StoreAccess::guarded([&] {
        store.rekey();
        recordEvent(store, {}, actor, QStringLiteral("rekeyed"));
    });
}

void StoreKeys::recover(storage::Store& store, const QString& label,
                        const storage::SecureBytes& newPassphrase)
{
    StoreAccess::requireAcceptable(newPassphrase);
    StoreAccess::guarded([&] {
        if (store.keySlotLabels().contains(label))
            store.removeOfficer(label);
        store.addOfficer(label, newPassphrase, StoreAccess::kdfForNewSlots());
        recordEvent(store, {}, QStringLiteral("recovery"), QStringLiteral("recovered"), label);
    });
}

void StoreKeys::backup(storage::Store& store, const QString& actor, const QString& target)
{
    StoreAccess::guarded([&] {
        recordEvent(store, {}, actor, QStringLiteral("backup"));
        store.backupTo(target);
    });
}

} // namespace sohoa::usecases
