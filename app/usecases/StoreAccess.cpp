// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/StoreAccess.h"

#include "domain/AgencyCode.h"
#include "domain/UserError.h"
#include "usecases/AuditTrail.h"
#include "usecases/UnlockThrottle.h"

namespace sohoa::usecases {

storage::KdfParams StoreAccess::kdfForNewSlots()
{
#ifdef SOHOA_TEST_HOOKS
    // Test builds only: tests create many stores and must not spend seconds on each.
    if (qEnvironmentVariableIntValue("SOHOA_TEST_CHEAP_KDF") == 1)
        return storage::KdfParams::cheapForTests();
#endif
    return storage::KdfParams::calibrated(0.5);
}

void StoreAccess::requireAcceptable(const storage::SecureBytes& passphrase)
{
    if (passphrase.size() < 8)
        throw UserError(ErrorKind::InvalidInput,
                        tr("The passphrase is too short: use at least 8 characters."));
}

storage::SecureBytes StoreAccess::create(const QString& path,
                                         const storage::SecureBytes& passphrase,
                                         const QString& officerId, const QString& agencyCode)
{
    const domain::AgencyCode agency = domain::AgencyCode::parse(agencyCode);
    requireAcceptable(passphrase);
    return guarded([&] {
        storage::SecureBytes recoveryKey =
            storage::Store::create(path, passphrase, officerId, kdfForNewSlots());
        auto store = storage::Store::open(path, passphrase);
        store->inTransaction(
            [&] { store->setSetting(QStringLiteral("agency_code"), agency.toString()); });
        return recoveryKey;
    });
}

std::unique_ptr<storage::Store> StoreAccess::open(const QString& path,
                                                  const storage::SecureBytes& passphrase)
{
    UnlockThrottle throttle(path);
    if (const int wait = throttle.secondsToWait(); wait > 0)
        throw UserError(ErrorKind::AccessDenied,
                        tr("%n wrong passphrase(s) in a row: wait %1 s before trying again.",
                           nullptr, throttle.failures())
                            .arg(wait));
    try {
        auto store = storage::Store::open(path, passphrase);
        if (const int failures = throttle.failures(); failures > 0) {
            // Whoever finally unlocks leaves a trace of the failed attempts before.
            throttle.reset();
            recordEvent(*store, {}, store->unlockedSlot(), QStringLiteral("unlock-after-failures"),
                        QString::number(failures));
        }
        return store;
    } catch (const storage::StoreError& error) {
        if (error.code() == storage::StoreErrorCode::WrongPassphrase)
            throttle.recordFailure();
        throwAsUserError(error);
    }
}

std::unique_ptr<storage::Store> StoreAccess::openWithRecoveryKey(const QString& path,
                                                                 const storage::SecureBytes& key)
{
    return guarded([&] { return storage::Store::openWithRecoveryKey(path, key); });
}

void StoreAccess::throwAsUserError(const storage::StoreError& error)
{
    using storage::StoreErrorCode;
    ErrorKind kind = ErrorKind::Storage;
    switch (error.code()) {
    case StoreErrorCode::WrongPassphrase:
        kind = ErrorKind::AccessDenied;
        break;
    case StoreErrorCode::NotFound:
        kind = ErrorKind::NotFound;
        break;
    default:
        break;
    }
    throw UserError(kind, describe(error.code()));
}

QString StoreAccess::describe(storage::StoreErrorCode code)
{
    using storage::StoreErrorCode;
    switch (code) {
    case StoreErrorCode::WrongPassphrase:
        return tr("Wrong passphrase: the store stays locked.");
    case StoreErrorCode::AlreadyExists:
        return tr("A store already exists there; it was left untouched.");
    case StoreErrorCode::NotFound:
        return tr("There is no store (or no key file beside it) at that path.");
    case StoreErrorCode::KeyFileCorrupt:
        return tr("The store's key file is damaged; restore it from the backup.");
    case StoreErrorCode::NotAStore:
        return tr("The key file does not open this store: the files do not belong together or "
                  "the store was altered.");
    case StoreErrorCode::CipherUnavailable:
        return tr("The encryption library (SQLCipher) is missing; refusing to store data "
                  "unencrypted.");
    case StoreErrorCode::Corrupt:
        return tr("The store is damaged; run \"sohoa-cli store check\" and restore a backup.");
    case StoreErrorCode::ReadOnly:
        return tr("The store cannot be written (read-only file or folder).");
    case StoreErrorCode::DiskFull:
        return tr("The disk is full; nothing was saved. Free some space and try again.");
    case StoreErrorCode::Busy:
        return tr("Another SoHoa program is using the store; close it and try again.");
    case StoreErrorCode::Constraint:
        return tr("The change conflicts with what the store already holds; nothing was saved.");
    case StoreErrorCode::Io:
        return tr("Reading or writing the store failed; nothing was saved.");
    case StoreErrorCode::Internal:
        break;
    }
    return tr("The store reported an internal error; nothing was saved.");
}

QString StoreAccess::setting(storage::Store& store, const char* key)
{
    return guarded([&] { return store.setting(QString::fromLatin1(key)); }).value_or(QString());
}

} // namespace sohoa::usecases
