// SPDX-License-Identifier: GPL-3.0-or-later
// Power loss is not kill -9: the OS page cache dies too. A child commits through a VFS that,
// at the simulated power cut, undoes every write not yet synced; with the store's WAL and
// synchronous=FULL, everything the child reported committed must still be there. A control
// run that ignores syncs must lose data, proving the simulation bites.
#include "TortureRecords.h"
#include "storage/Store.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace sohoa::storage;

namespace {
constexpr auto kPassphrase = "mất điện";

// Runs the child; returns the highest dossier number it reported committed.
int runChild(const QString& store, int commits, bool ignoreSyncs)
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SOHOA_PASSPHRASE"), QString::fromUtf8(kPassphrase));
    child.setProcessEnvironment(environment);
    QStringList arguments{store, QString::number(commits)};
    if (ignoreSyncs)
        arguments << QStringLiteral("--ignore-syncs");
    child.start(QStringLiteral(SOHOA_POWERLOSS_CHILD), arguments);
    if (!child.waitForFinished(120'000) || child.exitCode() != 0)
        return -1;
    int reported = 0;
    for (const QByteArray& line : child.readAllStandardOutput().split('\n'))
        reported = std::max(reported, line.trimmed().toInt());
    return reported;
}
} // namespace

class TestStorePowerLoss : public QObject
{
    Q_OBJECT

private slots:
    void syncedCommitsSurvive()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("power.store"));
        Store::create(path, SecureBytes::fromString(kPassphrase), QStringLiteral("officer"),
                      KdfParams::cheapForTests());
        QRandomGenerator random(2025);
        int reported = 0;
        for (int round = 0; round < 15; ++round) {
            const int commits = 1 + static_cast<int>(random.bounded(12));
            const int last = runChild(path, commits, false);
            QVERIFY2(last == reported + commits, qPrintable(QString::number(last)));
            reported = last;
            auto store = Store::open(path, SecureBytes::fromString(kPassphrase));
            QCOMPARE(static_cast<int>(store->listDossiers().size()), reported);
            for (int n = std::max(1, reported - commits + 1); n <= reported; ++n) {
                const auto detail = store->dossierByCode(sohoa::testing::tortureDossier(n).code);
                QVERIFY(detail.has_value());
                QCOMPARE(store->readBlob(detail->components.front().pages.front().imageBlobId),
                         sohoa::testing::torturePageBytes(n));
            }
            const CheckReport report = store->check();
            QVERIFY2(report.ok(),
                     qPrintable(report.problems.empty() ? QString() : report.problems.front()));
        }
        qInfo("%d dossiers committed across 15 power cuts, none lost", reported);
    }

    void ignoringSyncsLosesData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("control.store"));
        Store::create(path, SecureBytes::fromString(kPassphrase), QStringLiteral("officer"),
                      KdfParams::cheapForTests());
        QCOMPARE(runChild(path, 10, true), 10);
        auto store = Store::open(path, SecureBytes::fromString(kPassphrase));
        QVERIFY(store->listDossiers().size() < 10);
        QVERIFY(store->check().ok());
    }
};

QTEST_GUILESS_MAIN(TestStorePowerLoss)
#include "test_store_powerloss.moc"
