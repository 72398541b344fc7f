// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input through the real sohoa-cli: one clear line on stderr in the user's language, the
// documented exit code, and nothing already stored is changed.
#include "CliRunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sohoa::testing;

class TestCliErrors : public QObject
{
    Q_OBJECT

private:
    CliRunner cli_;
    QString listed()
    {
        return QString::fromUtf8(
            cli_.run(QStringList{QStringLiteral("store"), QStringLiteral("list")} +
                     cli_.storeArgs())
                .out);
    }
    QByteArray storeBytes() const
    {
        QFile file(cli_.storePath());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    QStringList digitizeArgs(const QString& procedure, const QString& component,
                             const QString& applicantId) const
    {
        return QStringList{QStringLiteral("digitize"),
                           QStringLiteral("--device"),
                           QStringLiteral("test:0"),
                           QStringLiteral("--dpi"),
                           QStringLiteral("25"),
                           QStringLiteral("--procedure"),
                           procedure,
                           QStringLiteral("--component"),
                           component,
                           QStringLiteral("--applicant-id"),
                           applicantId} +
               cli_.storeArgs();
    }
    // Runs a failing command and checks: exit code, exactly one error line on stderr, nothing
    // on stdout, and the store file unchanged byte for byte. The scans here run at 25 dpi, so
    // stderr also carries the Circular 05/2025 warnings, which come before and are set aside.
    QString expectFailure(const QStringList& arguments, int exitCode,
                          const QString& language = QStringLiteral("en"))
    {
        const QByteArray before = storeBytes();
        const ToolResult result = cli_.run(arguments, language);
        QStringList lines = QString::fromUtf8(result.err).trimmed().split(QLatin1Char('\n'));
        lines.removeIf(
            [](const QString& line) { return line.startsWith(QLatin1String("Warning: ")); });
        const QString err = lines.join(QLatin1Char('\n'));
        if (result.exitCode != exitCode || err.isEmpty() || err.contains(QLatin1Char('\n')) ||
            !result.out.isEmpty() || storeBytes() != before) {
            qWarning("exit %d, stdout \"%s\", stderr \"%s\"", result.exitCode,
                     result.out.constData(), result.err.constData());
            return QString();
        }
        return err;
    }

private slots:
    void initTestCase()
    {
        const ToolResult init = cli_.run(
            QStringList{QStringLiteral("store"), QStringLiteral("init")} + cli_.storeArgs());
        QVERIFY2(init.exitCode == 0, init.err.constData());
    }

    void usageErrorsExitWithTwo()
    {
        QVERIFY(!expectFailure({QStringLiteral("frobnicate")}, 2).isEmpty());
        QVERIFY(!expectFailure({QStringLiteral("digitize"), QStringLiteral("--nonsense")}, 2)
                     .isEmpty());
        QVERIFY(!expectFailure({QStringLiteral("ocr"), QStringLiteral("--out"),
                                cli_.path(QStringLiteral("x.pdf"))},
                               2)
                     .isEmpty());
    }

    void wrongPassphraseIsRefused()
    {
        cli_.environment().insert(QStringLiteral("SOHOA_PASSPHRASE"), QStringLiteral("sai rồi"));
        const QString message = expectFailure(
            QStringList{QStringLiteral("store"), QStringLiteral("list")} + cli_.storeArgs(), 5);
        cli_.environment().insert(QStringLiteral("SOHOA_PASSPHRASE"),
                                  QString::fromUtf8(CliRunner::kPassphrase));
        QVERIFY2(message.contains(QLatin1String("passphrase")), qPrintable(message));
        // The next good unlock records the failed attempt in the audit trail (and so changes
        // the store file): do it here, so later tests compare a settled file.
        QCOMPARE(cli_.run(QStringList{QStringLiteral("store"), QStringLiteral("list")} +
                          cli_.storeArgs())
                     .exitCode,
                 0);
    }

    void invalidIdentifiersAreRefusedBeforeScanning()
    {
        // Province code 000 does not exist; 11 digits; a century digit that contradicts nothing
        // but a bad province.
        for (const QString& id : {QStringLiteral("000203004567"), QStringLiteral("00120300456"),
                                  QStringLiteral("00120300456X")}) {
            const QString message = expectFailure(
                digitizeArgs(QStringLiteral("1.001193"), QStringLiteral("TP1"), id), 3);
            QVERIFY2(!message.isEmpty(), qPrintable(id));
            QVERIFY2(!message.contains(id), "the message must not echo the ID number");
        }
    }

    void unknownProcedureAndComponentAreRefused()
    {
        QVERIFY(!expectFailure(digitizeArgs(QStringLiteral("9.999999"), QStringLiteral("TP1"),
                                            QStringLiteral("001203004567")),
                               4)
                     .isEmpty());
        QVERIFY(!expectFailure(digitizeArgs(QStringLiteral("1.2.3"), QStringLiteral("TP1"),
                                            QStringLiteral("001203004567")),
                               3)
                     .isEmpty());
        QVERIFY(
            !expectFailure(digitizeArgs(QStringLiteral("1.001193"), QStringLiteral("KQ.G15.000032"),
                                        QStringLiteral("001203004567")),
                           4)
                 .isEmpty());
    }

    void unknownDeviceAndScannerFaultsKeepTheStore()
    {
        QStringList unknown = digitizeArgs(QStringLiteral("1.001193"), QStringLiteral("TP1"),
                                           QStringLiteral("001203004567"));
        unknown[2] = QStringLiteral("nosuchbackend:0");
        QVERIFY(!expectFailure(unknown, 6).isEmpty());

        QStringList jammed = digitizeArgs(QStringLiteral("1.001193"), QStringLiteral("TP1"),
                                          QStringLiteral("001203004567"));
        // Gray at 25 dpi keeps the test backend's page under one read, so its reader thread
        // has finished before libsane cancels it (see tests/scanner for why that matters).
        jammed << QStringLiteral("--mode") << QStringLiteral("gray") << QStringLiteral("--set")
               << QStringLiteral("read-return-value=SANE_STATUS_JAMMED");
        const QString message = expectFailure(jammed, 6);
        QVERIFY2(message.contains(QLatin1String("jam"), Qt::CaseInsensitive), qPrintable(message));
    }

    void unreadableInputIsRefused()
    {
        const QString bogus = cli_.path(QStringLiteral("not-an-image.png"));
        QFile file(bogus);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a PNG");
        file.close();
        QStringList arguments{QStringLiteral("digitize"),
                              QStringLiteral("--input"),
                              bogus,
                              QStringLiteral("--procedure"),
                              QStringLiteral("1.001193"),
                              QStringLiteral("--component"),
                              QStringLiteral("TP1"),
                              QStringLiteral("--applicant-id"),
                              QStringLiteral("001203004567")};
        QVERIFY(expectFailure(arguments + cli_.storeArgs(), 3).contains(bogus));
        arguments[2] = cli_.path(QStringLiteral("missing.png"));
        QVERIFY(expectFailure(arguments + cli_.storeArgs(), 3).contains(arguments[2]));
    }

    void fullDiskFailsCleanlyAndLosesNothing()
    {
        // A file-size limit stands in for a full disk: the store's WAL cannot grow past it.
        QProcessEnvironment environment = cli_.environment();
        environment.insert(QStringLiteral("SOHOA_LANG"), QStringLiteral("en"));
        const QString before = listed();
        const ToolResult result = runTool(
            QStringLiteral("prlimit"),
            QStringList{QStringLiteral("--fsize=65536"), qEnvironmentVariable("SOHOA_CLI")} +
                digitizeArgs(QStringLiteral("1.001193"), QStringLiteral("TP1"),
                             QStringLiteral("001203004567"))
                    .mid(0, 4) +
                QStringList{QStringLiteral("300")} +
                digitizeArgs(QStringLiteral("1.001193"), QStringLiteral("TP1"),
                             QStringLiteral("001203004567"))
                    .mid(5),
            environment);
        QCOMPARE(result.exitCode, 7);
        QVERIFY2(!result.err.trimmed().contains('\n'), result.err.constData());
        QCOMPARE(listed(), before);
        const ToolResult check = cli_.run(
            QStringList{QStringLiteral("store"), QStringLiteral("check")} + cli_.storeArgs());
        QCOMPARE(check.exitCode, 0);
    }

    void readOnlyStoreFailsCleanly()
    {
        // Root (as CI runs) writes through any file mode, so run the CLI as "nobody" against a
        // store it may read but not write.
        QTemporaryDir shared;
        QFile::setPermissions(shared.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                 QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                 QFileDevice::ExeOther);
        const QString store = shared.filePath(QStringLiteral("readonly.store"));
        QCOMPARE(cli_.run({QStringLiteral("store"), QStringLiteral("init"),
                           QStringLiteral("--store"), store})
                     .exitCode,
                 0);
        QFile file(store);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();

        QProcessEnvironment environment = cli_.environment();
        environment.insert(QStringLiteral("SOHOA_LANG"), QStringLiteral("en"));
        environment.insert(QStringLiteral("HOME"), shared.path());
        const QStringList asNobody{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                   QStringLiteral("--clear-groups"),
                                   qEnvironmentVariable("SOHOA_CLI")};
        if (runTool(QStringLiteral("setpriv"), asNobody + QStringList{QStringLiteral("--version")},
                    environment)
                .exitCode != 0)
            QSKIP("the unprivileged user cannot run sohoa-cli from this build folder");
        QStringList digitize = digitizeArgs(QStringLiteral("1.001193"), QStringLiteral("TP1"),
                                            QStringLiteral("001203004567"));
        digitize[digitize.indexOf(cli_.storePath())] = store;
        const ToolResult result =
            runTool(QStringLiteral("setpriv"), asNobody + digitize, environment);
        QCOMPARE(result.exitCode, 7);
        QVERIFY2(QString::fromUtf8(result.err).contains(QLatin1String("cannot be written")),
                 result.err.constData());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }

    void messagesAreVietnameseByDefault()
    {
        cli_.environment().insert(QStringLiteral("SOHOA_PASSPHRASE"), QStringLiteral("sai rồi"));
        const QString message = expectFailure(
            QStringList{QStringLiteral("store"), QStringLiteral("list")} + cli_.storeArgs(), 5,
            QString());
        cli_.environment().insert(QStringLiteral("SOHOA_PASSPHRASE"),
                                  QString::fromUtf8(CliRunner::kPassphrase));
        QVERIFY2(message.contains(QStringLiteral("Sai mật khẩu")), qPrintable(message));
    }

    void nothingWasStoredByAnyOfTheFailures()
    {
        const QJsonObject list =
            cli_.runJson(QStringList{QStringLiteral("store"), QStringLiteral("list")} +
                         cli_.storeArgs())
                .object();
        QVERIFY(list.contains(QStringLiteral("dossiers")));
        QCOMPARE(list.value("dossiers").toArray().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliErrors)
#include "test_cli_errors.moc"
