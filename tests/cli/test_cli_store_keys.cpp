// SPDX-License-Identifier: GPL-3.0-or-later
// Key management and backup through sohoa-cli: the recovery key printed at init, officers'
// slots, passphrase change, removal with rekey, recovery, quick unlock from the session keyring
// (a private gnome-keyring), workstation settings, and an encrypted backup that "store check"
// verifies.
#include "CliRunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace sohoa::testing;

class TestCliStoreKeys : public QObject
{
    Q_OBJECT

private:
    CliRunner cli_;
    QString recoveryKey_;

    int store(const QStringList& arguments, const QString& passphrase,
              const QString& newPassphrase = {})
    {
        cli_.environment().insert(QStringLiteral("SOHOA_PASSPHRASE"), passphrase);
        cli_.environment().insert(QStringLiteral("SOHOA_NEW_PASSPHRASE"), newPassphrase);
        const ToolResult result =
            cli_.run(QStringList{QStringLiteral("store")} + arguments + cli_.storeArgs());
        return result.exitCode;
    }

private slots:
    void initPrintsTheRecoveryKeyOnce()
    {
        cli_.environment().insert(QStringLiteral("SOHOA_PASSPHRASE"),
                                  QStringLiteral("trưởng bộ phận một cửa"));
        const QJsonObject init =
            cli_.runJson(QStringList{QStringLiteral("store"), QStringLiteral("init")} +
                         cli_.storeArgs())
                .object();
        recoveryKey_ = init.value("recovery_key").toString();
        QCOMPARE(recoveryKey_.size(), 79);
    }

    void officersComeAndGo()
    {
        const QString chief = QStringLiteral("trưởng bộ phận một cửa");
        QCOMPARE(store({QStringLiteral("add-officer"), QStringLiteral("lan")}, chief,
                       QStringLiteral("mật khẩu của Lan")),
                 0);
        QCOMPARE(store({QStringLiteral("list")}, QStringLiteral("mật khẩu của Lan")), 0);
        QCOMPARE(store({QStringLiteral("add-officer"), QStringLiteral("ngan")}, chief,
                       QStringLiteral("short")),
                 3);
        QCOMPARE(store({QStringLiteral("remove-officer"), QStringLiteral("lan")}, chief), 0);
        QCOMPARE(store({QStringLiteral("list")}, QStringLiteral("mật khẩu của Lan")), 5);
        QCOMPARE(store({QStringLiteral("check")}, chief), 0);
    }

    void passphraseChangeAndRecovery()
    {
        const QString chief = QStringLiteral("trưởng bộ phận một cửa");
        cli_.environment().insert(QStringLiteral("SOHOA_OFFICER"), QStringLiteral("chief"));
        QCOMPARE(store({QStringLiteral("passwd")}, chief, QStringLiteral("mật khẩu mới 2026")), 0);
        QCOMPARE(store({QStringLiteral("list")}, chief), 5);
        // Every passphrase forgotten: the agency's recovery key sets a new one.
        cli_.environment().insert(QStringLiteral("SOHOA_RECOVERY_KEY"), recoveryKey_.toLower());
        QCOMPARE(store({QStringLiteral("recover")}, QString(), QStringLiteral("sau khi khôi phục")),
                 0);
        QCOMPARE(store({QStringLiteral("list")}, QStringLiteral("sau khi khôi phục")), 0);
        cli_.environment().insert(QStringLiteral("SOHOA_RECOVERY_KEY"),
                                  QStringLiteral("0000-0000"));
        QCOMPARE(store({QStringLiteral("recover")}, QString(), QStringLiteral("không được đâu")),
                 5);
    }

    void quickUnlockAndSettings()
    {
        const QString passphrase = QStringLiteral("sau khi khôi phục");
        const QStringList byKeyring{QStringLiteral("list"), QStringLiteral("--keyring")};
        QCOMPARE(store(byKeyring, QString()), 5); // not turned on yet
        QCOMPARE(store({QStringLiteral("keyring-on")}, passphrase), 0);
        QCOMPARE(store(byKeyring, QString()), 0);
        QCOMPARE(store({QStringLiteral("set"), QStringLiteral("auto-lock-minutes"),
                        QStringLiteral("10"), QStringLiteral("--keyring")},
                       QString()),
                 0);
        QCOMPARE(
            store({QStringLiteral("set"), QStringLiteral("retention-days"), QStringLiteral("4000")},
                  passphrase),
            3);
        cli_.environment().insert(QStringLiteral("SOHOA_PASSPHRASE"), passphrase);
        const QJsonObject settings =
            cli_.runJson(QStringList{QStringLiteral("store"), QStringLiteral("settings")} +
                         cli_.storeArgs())
                .object();
        QJsonObject values;
        for (const QJsonValue& setting : settings.value("settings").toArray())
            values.insert(setting["name"].toString(), setting["value"]);
        QCOMPARE(values.value("auto-lock-minutes").toInt(), 10);
        QCOMPARE(values.value("retention-days").toInt(), 30);
        QCOMPARE(store({QStringLiteral("keyring-off"), QStringLiteral("--keyring")}, QString()), 0);
        QCOMPARE(store(byKeyring, QString()), 5);
    }

    void backupIsCheckedAndOpens()
    {
        const QString passphrase = QStringLiteral("sau khi khôi phục");
        const QString copy = cli_.path(QStringLiteral("backup.store"));
        QCOMPARE(store({QStringLiteral("backup"), QStringLiteral("--to"), copy}, passphrase), 0);
        QVERIFY(QFile::exists(copy + QStringLiteral(".keys")));
        QCOMPARE(store({QStringLiteral("backup"), QStringLiteral("--to"), copy}, passphrase), 7);
        cli_.environment().insert(QStringLiteral("SOHOA_PASSPHRASE"), passphrase);
        const QJsonObject check = cli_.runJson({QStringLiteral("store"), QStringLiteral("check"),
                                                QStringLiteral("--store"), copy})
                                      .object();
        QVERIFY(check.value("ok").toBool());
    }
};

QTEST_GUILESS_MAIN(TestCliStoreKeys)
#include "test_cli_store_keys.moc"
