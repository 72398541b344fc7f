// SPDX-License-Identifier: GPL-3.0-or-later
// Scan profiles through sohoa-cli: the list, an edit and its reset, a profile added from
// another, the administrator's lock with the recovery key (an officer's edit refused), and
// "scan --profile" against SANE's test device warning below Circular 05/2025 on stderr only.
#include "CliRunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace sohoa::testing;

class TestCliProfiles : public QObject
{
    Q_OBJECT

private:
    CliRunner cli_;
    QString recoveryKeyFile_;

    ToolResult profile(const QStringList& arguments)
    {
        return cli_.run(QStringList{QStringLiteral("profile")} + arguments + cli_.storeArgs());
    }
    ToolResult asAdministrator(const QStringList& arguments)
    {
        return profile(arguments +
                       QStringList{QStringLiteral("--recovery-key-file"), recoveryKeyFile_});
    }
    QJsonObject profileJson(const QStringList& arguments)
    {
        return cli_.runJson(QStringList{QStringLiteral("profile")} + arguments + cli_.storeArgs())
            .object();
    }
    ToolResult scan(const QString& dir, const QStringList& extra)
    {
        return cli_.run(QStringList{QStringLiteral("scan"), QStringLiteral("--device"),
                                    QStringLiteral("test:0"), QStringLiteral("--out-dir"),
                                    cli_.path(dir), QStringLiteral("--json")} +
                        extra);
    }

private slots:
    void initTestCase()
    {
        const QString key =
            cli_.runJson(QStringList{QStringLiteral("store"), QStringLiteral("init")} +
                         cli_.storeArgs())
                .object()
                .value("recovery_key")
                .toString();
        QVERIFY(!key.isEmpty());
        recoveryKeyFile_ = cli_.path(QStringLiteral("recovery.txt"));
        QFile file(recoveryKeyFile_);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(key.toLatin1() + '\n');
    }

    void listShowsTheBuiltIns()
    {
        const QJsonObject list = profileJson({QStringLiteral("list")});
        QCOMPARE(list.value("locked").toBool(), false);
        const QJsonArray profiles = list.value("profiles").toArray();
        QCOMPARE(profiles.size(), 4);
        const QJsonObject papers = profiles[0].toObject();
        QCOMPARE(papers.value("id").toString(), QStringLiteral("van-ban"));
        QVERIFY(papers.value("default").toBool());
        QCOMPARE(papers.value("dpi").toInt(), 200);
        QCOMPARE(papers.value("mode").toString(), QStringLiteral("color"));
        QCOMPARE(papers.value("name").toString(), QStringLiteral("Administrative papers"));
    }

    void editResetAndAdd()
    {
        QCOMPARE(profile({QStringLiteral("set"), QStringLiteral("van-ban"), QStringLiteral("dpi"),
                          QStringLiteral("300")})
                     .exitCode,
                 0);
        QJsonObject shown = profileJson({QStringLiteral("show"), QStringLiteral("van-ban")});
        QCOMPARE(shown.value("dpi").toInt(), 300);
        QVERIFY(shown.value("edited").toBool());
        QCOMPARE(profile({QStringLiteral("set"), QStringLiteral("van-ban"), QStringLiteral("dpi"),
                          QStringLiteral("5000")})
                     .exitCode,
                 3);
        QCOMPARE(profile({QStringLiteral("reset"), QStringLiteral("van-ban")}).exitCode, 0);
        shown = profileJson({QStringLiteral("show"), QStringLiteral("van-ban")});
        QCOMPARE(shown.value("dpi").toInt(), 200);
        QVERIFY(!shown.value("edited").toBool());

        // A quick profile for the test device (the warning case below): 50 dpi.
        const QJsonObject added = profileJson(
            {QStringLiteral("add"), QStringLiteral("nhanh"), QStringLiteral("--from"),
             QStringLiteral("van-ban"), QStringLiteral("--name"), QStringLiteral("Quét nhanh")});
        QCOMPARE(added.value("name").toString(), QStringLiteral("Quét nhanh"));
        QCOMPARE(profile({QStringLiteral("set"), QStringLiteral("nhanh"), QStringLiteral("dpi"),
                          QStringLiteral("50")})
                     .exitCode,
                 0);
        QCOMPARE(profile({QStringLiteral("show"), QStringLiteral("khong-co")}).exitCode, 4);
    }

    void onlyTheAdministratorLocks()
    {
        const ToolResult byOfficer = profile({QStringLiteral("lock")});
        QCOMPARE(byOfficer.exitCode, 5);
        QVERIFY2(byOfficer.err.contains("administrator"), byOfficer.err.constData());
        const ToolResult byAdministrator = asAdministrator({QStringLiteral("lock")});
        QVERIFY2(byAdministrator.exitCode == 0, byAdministrator.err.constData());
        QVERIFY(profileJson({QStringLiteral("list")}).value("locked").toBool());

        const ToolResult edit = profile({QStringLiteral("set"), QStringLiteral("van-ban"),
                                         QStringLiteral("dpi"), QStringLiteral("150")});
        QCOMPARE(edit.exitCode, 5);
        QVERIFY2(edit.err.contains("administrator"), edit.err.constData());
        QVERIFY(!edit.err.trimmed().contains('\n'));
        QCOMPARE(asAdministrator({QStringLiteral("set"), QStringLiteral("nhanh"),
                                  QStringLiteral("mode"), QStringLiteral("color")})
                     .exitCode,
                 0);
    }

    void scanWithAProfileWarnsOnStderr()
    {
        const ToolResult result = scan(
            QStringLiteral("nhanh"),
            QStringList{QStringLiteral("--profile"), QStringLiteral("nhanh")} + cli_.storeArgs());
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.err.contains("50 dpi is below the 200 dpi"), result.err.constData());
        QVERIFY2(result.err.contains("The scan goes on"), result.err.constData());
        // stdout stays one JSON document.
        const QJsonArray pages =
            QJsonDocument::fromJson(result.out).object().value("pages").toArray();
        QCOMPARE(pages.size(), 1);

        // Locked: a flag below the circular is refused before scanning, a compliant one is not.
        const ToolResult gray =
            scan(QStringLiteral("gray"),
                 QStringList{QStringLiteral("--profile"), QStringLiteral("nhanh"),
                             QStringLiteral("--mode"), QStringLiteral("gray")} +
                     cli_.storeArgs());
        QCOMPARE(gray.exitCode, 5);
        QVERIFY2(gray.err.contains("locked"), gray.err.constData());
        QVERIFY(gray.out.isEmpty());
        const ToolResult coarser =
            scan(QStringLiteral("coarser"),
                 QStringList{QStringLiteral("--dpi"), QStringLiteral("25")} + cli_.storeArgs());
        QCOMPARE(coarser.exitCode, 5);
        const ToolResult adf = scan(
            QStringLiteral("adf"), QStringList{QStringLiteral("--profile"), QStringLiteral("nhanh"),
                                               QStringLiteral("--source"), QStringLiteral("adf"),
                                               QStringLiteral("--max-pages"), QStringLiteral("1")} +
                                       cli_.storeArgs());
        QVERIFY2(adf.exitCode == 0, adf.err.constData());
    }

    void scanWithoutAStoreUsesTheBuiltIns()
    {
        const ToolResult result =
            scan(QStringLiteral("drawing"), {QStringLiteral("--profile"), QStringLiteral("ban-ve"),
                                             QStringLiteral("--dpi"), QStringLiteral("50")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.err.contains("300 dpi Circular 05/2025 asks for maps and drawings"),
                 result.err.constData());
        QCOMPARE(
            scan(QStringLiteral("none"), {QStringLiteral("--profile"), QStringLiteral("nhanh")})
                .exitCode,
            4);
    }
};

QTEST_GUILESS_MAIN(TestCliProfiles)
#include "test_cli_profiles.moc"
