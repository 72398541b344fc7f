// SPDX-License-Identifier: GPL-3.0-or-later
// Quick unlock through a real Secret Service (gnome-keyring in a private D-Bus session, see
// tests/support/with-secret-service): the keyring secret opens only its officer's slot, never
// lands on disk in the clear beside the store, and stops working once turned off or rekeyed.
#include "domain/UserError.h"
#include "platform/OsKeyring.h"
#include "storage/KeyFile.h"
#include "usecases/QuickUnlock.h"
#include "usecases/StoreAccess.h"
#include "usecases/StoreKeys.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sohoa;
using usecases::QuickUnlock;
using usecases::StoreAccess;

namespace {
storage::SecureBytes secret(const char* text)
{
    return storage::SecureBytes::fromString(text);
}

bool hasEvent(storage::Store& store, const QString& action)
{
    for (const auto& event : store.events({}))
        if (event.action == action)
            return true;
    return false;
}
} // namespace

class TestQuickUnlock : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir_;

private slots:
    void initTestCase()
    {
        // The wrapper must have given us a working keyring; otherwise every check is moot.
        QVERIFY2(!platform::OsKeyring::write(QStringLiteral("probe"), secret("x")),
                 "no Secret Service: run under tests/support/with-secret-service");
        QVERIFY(platform::OsKeyring::read(QStringLiteral("probe")).has_value());
        QVERIFY(!platform::OsKeyring::remove(QStringLiteral("probe")));
        QVERIFY(!platform::OsKeyring::read(QStringLiteral("probe")).has_value());
    }

    void opensWithoutPassphraseOnceTurnedOn()
    {
        const QString path = dir_.filePath(QStringLiteral("counter.store"));
        StoreAccess::create(path, secret("passphrase one"), QStringLiteral("lan"),
                            QStringLiteral("000.00.00.H26"));
        QVERIFY(!QuickUnlock::availableFor(path));
        QVERIFY(QuickUnlock::open(path) == nullptr);
        {
            auto store = StoreAccess::open(path, secret("passphrase one"));
            QuickUnlock::enable(*store, QStringLiteral("lan"));
            QVERIFY(hasEvent(*store, QStringLiteral("quick-unlock-enabled")));
        }
        QVERIFY(QuickUnlock::availableFor(path));
        auto store = QuickUnlock::open(path);
        QVERIFY(store != nullptr);
        QCOMPARE(store->unlockedSlot(), QStringLiteral("lan"));
        QVERIFY(store->check().ok());
    }

    void keyFileAloneDoesNotOpenTheStore()
    {
        // The key file holds only a public key and a sealed box for the keyring slot: copied
        // to another machine (another keyring) it opens nothing.
        const QString path = dir_.filePath(QStringLiteral("copied.store"));
        StoreAccess::create(path, secret("passphrase one"), QStringLiteral("lan"),
                            QStringLiteral("000.00.00.H26"));
        QuickUnlock::enable(*StoreAccess::open(path, secret("passphrase one")),
                            QStringLiteral("lan"));
        const QString copy = dir_.filePath(QStringLiteral("elsewhere.store"));
        QVERIFY(QFile::copy(path, copy));
        QVERIFY(QFile::copy(storage::KeyFile::pathFor(path), storage::KeyFile::pathFor(copy)));
        QVERIFY(QuickUnlock::open(copy) == nullptr);
    }

    void turningOffOrRemovingTheOfficerEndsIt()
    {
        const QString path = dir_.filePath(QStringLiteral("off.store"));
        StoreAccess::create(path, secret("chief passphrase"), QStringLiteral("chief"),
                            QStringLiteral("000.00.00.H26"));
        {
            auto store = StoreAccess::open(path, secret("chief passphrase"));
            usecases::StoreKeys::addOfficer(*store, QStringLiteral("chief"), QStringLiteral("minh"),
                                            secret("minh passphrase"));
        }
        QuickUnlock::enable(*StoreAccess::open(path, secret("minh passphrase")),
                            QStringLiteral("minh"));
        QCOMPARE(QuickUnlock::open(path)->unlockedSlot(), QStringLiteral("minh"));
        {
            auto store = StoreAccess::open(path, secret("minh passphrase"));
            QVERIFY(QuickUnlock::disable(*store, QStringLiteral("minh")));
            QVERIFY(!QuickUnlock::disable(*store, QStringLiteral("minh")));
        }
        QVERIFY(!QuickUnlock::availableFor(path));
        QVERIFY(QuickUnlock::open(path) == nullptr);

        // Minh turns it on again, then leaves: removal rekeys, and the keyring secret that
        // still sits in the session opens nothing.
        QuickUnlock::enable(*StoreAccess::open(path, secret("minh passphrase")),
                            QStringLiteral("minh"));
        usecases::StoreKeys::removeOfficer(*StoreAccess::open(path, secret("chief passphrase")),
                                           QStringLiteral("chief"), QStringLiteral("minh"));
        QVERIFY(QuickUnlock::open(path) == nullptr);
    }

    void recoverySlotCannotBeQuickUnlocked()
    {
        const QString path = dir_.filePath(QStringLiteral("recovery.store"));
        const storage::SecureBytes recoveryKey = StoreAccess::create(
            path, secret("passphrase one"), QStringLiteral("lan"), QStringLiteral("000.00.00.H26"));
        auto store = StoreAccess::openWithRecoveryKey(path, recoveryKey);
        QVERIFY_THROWS_EXCEPTION(UserError, QuickUnlock::enable(*store, QStringLiteral("agency")));
        QVERIFY(storage::Store::keyringSlotLabels(path).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestQuickUnlock)
#include "test_quick_unlock.moc"
