// SPDX-License-Identifier: GPL-3.0-or-later
// Workstation settings live in the encrypted store, have bounds, and every change is audited.
#include "domain/UserError.h"
#include "usecases/StoreAccess.h"
#include "usecases/WorkstationSettings.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sohoa;
using usecases::WorkstationSettings;

class TestWorkstationSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir_;

private slots:
    void defaultsBoundsAndAudit()
    {
        const QString path = dir_.filePath(QStringLiteral("settings.store"));
        const auto passphrase = [] { return storage::SecureBytes::fromString("passphrase one"); };
        usecases::StoreAccess::create(path, passphrase(), QStringLiteral("lan"),
                                      QStringLiteral("000.00.00.H26"));
        {
            auto store = usecases::StoreAccess::open(path, passphrase());
            QCOMPARE(WorkstationSettings::autoLockMinutes(*store), 5);
            QCOMPARE(WorkstationSettings::retentionDays(*store), 30);
            for (const auto& setting : WorkstationSettings::all(*store))
                QVERIFY(setting.isDefault);

            WorkstationSettings::set(*store, QStringLiteral("lan"),
                                     QStringLiteral("auto-lock-minutes"), 2);
            QVERIFY_THROWS_EXCEPTION(
                UserError, WorkstationSettings::set(*store, QStringLiteral("lan"),
                                                    QStringLiteral("auto-lock-minutes"), 24 * 60));
            QVERIFY_THROWS_EXCEPTION(
                UserError, WorkstationSettings::set(*store, QStringLiteral("lan"),
                                                    QStringLiteral("retention-days"), -1));
            QVERIFY_THROWS_EXCEPTION(UserError,
                                     WorkstationSettings::set(*store, QStringLiteral("lan"),
                                                              QStringLiteral("colour"), 1));
        }
        auto store = usecases::StoreAccess::open(path, passphrase());
        QCOMPARE(WorkstationSettings::autoLockMinutes(*store), 2);
        QCOMPARE(WorkstationSettings::retentionDays(*store), 30);
        int changes = 0;
        for (const auto& event : store->events({}))
            if (event.action == QLatin1String("setting-changed")) {
                QCOMPARE(event.detail, QStringLiteral("auto-lock-minutes=2"));
                ++changes;
            }
        QCOMPARE(changes, 1); // refused changes leave the store and the trail as they were
    }
};

QTEST_GUILESS_MAIN(TestWorkstationSettings)
#include "test_workstation_settings.moc"
