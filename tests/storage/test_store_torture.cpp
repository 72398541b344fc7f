// SPDX-License-Identifier: GPL-3.0-or-later
// Crash torture: a child process commits pages in a loop; we SIGKILL it at random moments,
// reopen the store, and check that every page it reported committed is there, intact, once,
// and that SQLCipher's and SQLite's integrity checks and the audit chain still pass.
// SOHOA_TORTURE_KILLS sets the number of kills (default 200; bench runs use more).
#include "TortureRecords.h"
#include "storage/Store.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace sohoa::storage;

namespace {
constexpr auto kPassphrase = "mật khẩu tra tấn";
}

class TestStoreTorture : public QObject
{
    Q_OBJECT

private slots:
    void committedPagesSurviveKill9()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("torture.store"));
        Store::create(path, SecureBytes::fromString(kPassphrase), QStringLiteral("torture"),
                      KdfParams::cheapForTests());
        const int kills = qEnvironmentVariableIntValue("SOHOA_TORTURE_KILLS") > 0
                              ? qEnvironmentVariableIntValue("SOHOA_TORTURE_KILLS")
                              : 200;
        QRandomGenerator random(20261123);
        int reported = 0;
        int killedMidTransaction = 0;

        for (int round = 0; round < kills; ++round) {
            QProcess child;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("SOHOA_PASSPHRASE"), QString::fromUtf8(kPassphrase));
            child.setProcessEnvironment(environment);
            child.start(QStringLiteral(SOHOA_TORTURE_CHILD), {path});
            QVERIFY(child.waitForStarted());
            // Let it run 5–120 ms, then kill it wherever it is.
            QThread::msleep(5 + random.bounded(116));
            child.kill();
            QVERIFY(child.waitForFinished());
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
            const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
            for (const QByteArray& line : lines) {
                bool ok = false;
                const int n = line.trimmed().toInt(&ok);
                if (ok)
                    reported = std::max(reported, n);
            }

            auto store = Store::open(path, SecureBytes::fromString(kPassphrase));
            const auto dossiers = store->listDossiers();
            // Everything reported is there; at most one more (committed, not yet reported).
            QVERIFY2(static_cast<int>(dossiers.size()) >= reported,
                     qPrintable(QStringLiteral("round %1: %2 dossiers, %3 reported")
                                    .arg(round)
                                    .arg(dossiers.size())
                                    .arg(reported)));
            QVERIFY(static_cast<int>(dossiers.size()) <= reported + 1);
            if (static_cast<int>(dossiers.size()) > reported)
                ++killedMidTransaction;
            reported = static_cast<int>(dossiers.size());
            // Spot-check the newest pages byte for byte (all of them at the end).
            for (int n = std::max(1, reported - 2); n <= reported; ++n)
                verifyDossier(*store, n);
        }

        auto store = Store::open(path, SecureBytes::fromString(kPassphrase));
        QSet<QString> codes;
        for (const DossierSummary& summary : store->listDossiers())
            codes.insert(summary.code);
        QCOMPARE(codes.size(), reported); // no duplicates
        for (int n = 1; n <= reported; ++n)
            verifyDossier(*store, n);
        const CheckReport report = store->check();
        QVERIFY2(report.ok(),
                 qPrintable(report.problems.empty() ? QString() : report.problems.front()));
        qInfo("%d kills, %d dossiers committed, %d kills landed between COMMIT and its report",
              kills, reported, killedMidTransaction);
        QVERIFY(reported > kills / 4); // the child did real work between kills
    }

private:
    static void verifyDossier(Store& store, int n)
    {
        const auto detail = store.dossierByCode(sohoa::testing::tortureDossier(n).code);
        QVERIFY2(detail.has_value(), qPrintable(QString::number(n)));
        QCOMPARE(detail->components.size(), std::size_t{1});
        QCOMPARE(detail->components.front().pages.size(), std::size_t{1});
        QCOMPARE(store.readBlob(detail->components.front().pages.front().imageBlobId),
                 sohoa::testing::torturePageBytes(n));
    }
};

QTEST_GUILESS_MAIN(TestStoreTorture)
#include "test_store_torture.moc"
