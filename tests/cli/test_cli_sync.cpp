// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli sync against a real dev hub (sohoa-hub --dev, PostgreSQL 15, TLS with its own CA):
// dossiers digitized offline reach the hub exactly once, checked in PostgreSQL by UUID and
// Idempotency-Key; an unreachable hub keeps everything queued; the token is saved once it
// works; a revoked token stops the sync with a message.
#include "../server/DevHub.h"
#include "CliRunner.h"
#include "OfflineDossier.h"
#include "server/PgConnection.h"
#include "storage/Store.h"
#include "support/RenderedPage.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QThread>

using namespace sohoa::testing;

class TestCliSync : public QObject
{
    Q_OBJECT

    CliRunner cli_;
    QTemporaryDir hubDir_;
    std::unique_ptr<DevHub> hub_;
    QString token_;
    QString page_;

    QStringList syncArgs() const
    {
        return QStringList{QStringLiteral("sync"), QStringLiteral("--server"), hub_->url(),
                           QStringLiteral("--ca-file"), hub_->caFile()} +
               cli_.storeArgs();
    }

    QString digitize()
    {
        return cli_
            .runJson(QStringList{QStringLiteral("digitize"), QStringLiteral("--input"), page_,
                                 QStringLiteral("--procedure"), QStringLiteral("1.001193"),
                                 QStringLiteral("--component"), QStringLiteral("KQ.G15.000031"),
                                 QStringLiteral("--applicant-id"), QStringLiteral("001203004567")} +
                     cli_.storeArgs())
            .object()
            .value("dossier_code")
            .toString();
    }

    std::vector<sohoa::storage::OutboxRecord> outbox()
    {
        auto store = sohoa::storage::Store::open(
            cli_.storePath(), sohoa::storage::SecureBytes::fromString(CliRunner::kPassphrase));
        return store->outboxPending();
    }

    long long hubCount(const std::string& sql)
    {
        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        return database.exec(sql).integer(0, 0);
    }

    // `count` dossiers straight into the store, each with its dossier.create outbox row written
    // by the same code digitize uses: an offline backlog without the minutes of OCR.
    QStringList insertBacklog(const QString& prefix, int count)
    {
        auto store = sohoa::storage::Store::open(
            cli_.storePath(), sohoa::storage::SecureBytes::fromString(CliRunner::kPassphrase));
        QStringList codes;
        store->inTransaction([&] {
            for (int i = 1; i <= count; ++i)
                codes << addOfflineDossier(*store, QStringLiteral("000.00.00.H26-261205-%1%2")
                                                       .arg(prefix)
                                                       .arg(i, 4, 10, QLatin1Char('0')))
                             .code;
        });
        return codes;
    }

    // How many of `codes` the hub holds, and how many operations it applied for them.
    std::pair<long long, long long> heldByHub(const QStringList& codes)
    {
        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        const std::string list = codes.join(QLatin1Char(',')).toStdString();
        const auto held = database.exec(
            "SELECT (SELECT count(*) FROM dossiers WHERE code = ANY(string_to_array($1, ','))), "
            "(SELECT count(*) FROM operations o JOIN dossiers d ON d.uuid = o.dossier_uuid "
            " WHERE o.applied AND d.code = ANY(string_to_array($1, ',')))",
            {list});
        return {held.integer(0, 0), held.integer(0, 1)};
    }

    // `sohoa-cli sync` (until everything is delivered) in the background.
    std::unique_ptr<QProcess> startSync()
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(cli_.environment());
        process->start(qEnvironmentVariable("SOHOA_CLI"), syncArgs());
        if (!process->waitForStarted())
            qFatal("sohoa-cli sync did not start");
        return process;
    }

    // Waits until the hub holds at least `atLeast` of `codes` (a sync is under way).
    void waitUntilHubHolds(const QStringList& codes, long long atLeast)
    {
        QElapsedTimer clock;
        clock.start();
        while (heldByHub(codes).first < atLeast && clock.elapsed() < 60000)
            QThread::msleep(20);
    }

    void expectExactlyOnce(const QStringList& codes)
    {
        const auto [dossiers, operations] = heldByHub(codes);
        QCOMPARE(dossiers, codes.size());
        QCOMPARE(operations, codes.size());
        QVERIFY(outbox().empty());
    }

private slots:
    void initTestCase()
    {
        QFile::setPermissions(hubDir_.path(), QFile::permissions(hubDir_.path()) | QFile::ExeOther);
        hub_ = std::make_unique<DevHub>(hubDir_.filePath(QStringLiteral("hub")));
        hub_->start();
        QByteArray output;
        QCOMPARE(
            hub_->admin({QStringLiteral("add-workstation"), QStringLiteral("quay-1")}, &output), 0);
        token_ = QString::fromUtf8(output.trimmed().split('\n').last());
        cli_.environment().insert(QStringLiteral("SOHOA_SYNC_TOKEN"), token_);
        QCOMPARE(cli_.initStore(), 0);
        page_ = cli_.path(QStringLiteral("trang.png"));
        QVERIFY(renderPage(samplePageLines().mid(0, 3), 150).image.save(page_));
    }

    // Each digitized dossier queues two rows: dossier.create and component.attach with its
    // searchable PDF, which the sync uploads first (tus) and the hub keeps under its SHA-256.
    void anOfflineBacklogReachesTheHubExactlyOnce()
    {
        QStringList codes;
        for (int i = 0; i < 3; ++i)
            codes << digitize();
        const auto queued = outbox();
        QCOMPARE(queued.size(), std::size_t{6});

        const QJsonObject pass = cli_.runJson(syncArgs() << QStringLiteral("--once")).object();
        QCOMPARE(pass.value("operations").toObject().value("sent").toInt(), 6);
        QCOMPARE(pass.value("operations").toObject().value("pending").toInt(), 0);
        QCOMPARE(pass.value("files").toObject().value("uploaded").toInt(), 3);
        // Same machine, same clock: measured, and no warning.
        QVERIFY(pass.value("clock_skew_seconds").isDouble());
        QVERIFY(std::abs(pass.value("clock_skew_seconds").toInt()) <= 5);
        QVERIFY(!pass.value("clock_warning").toBool());
        QVERIFY(outbox().empty());

        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        auto store = sohoa::storage::Store::open(
            cli_.storePath(), sohoa::storage::SecureBytes::fromString(CliRunner::kPassphrase));
        for (const QString& code : codes) {
            const auto held = database.exec(
                "SELECT version, state, payload->'components'->0->'documents'->0->>'sha256', "
                "(SELECT count(*) FROM operations o WHERE o.dossier_uuid = d.uuid AND o.applied) "
                "FROM dossiers d WHERE code = $1",
                {code.toStdString()});
            QCOMPARE(held.rows(), 1);
            QCOMPARE(held.text(0, 0), std::string("2"));
            QCOMPARE(held.text(0, 1), std::string("captured"));
            QCOMPARE(held.text(0, 3), std::string("2"));
            // The hub holds exactly the bytes of the store's PDF.
            const auto detail = store->dossierByCode(code);
            const QByteArray pdf =
                store->readBlob(detail->components.front().documents.front().blobId);
            const QString sha256 = QString::fromLatin1(
                QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex());
            QCOMPARE(QString::fromStdString(held.text(0, 2)), sha256);
            QFile onHub(
                hub_->directory() +
                QStringLiteral("/files/%1/%2/%3").arg(sha256.left(2), sha256.mid(2, 2), sha256));
            QVERIFY(onHub.open(QIODevice::ReadOnly));
            QCOMPARE(onHub.readAll(), pdf);
        }
        for (const sohoa::storage::OutboxRecord& row : queued)
            QCOMPARE(database
                         .exec("SELECT count(*) FROM operations WHERE idempotency_key = $1 "
                               "AND applied",
                               {row.idempotencyKey.toStdString()})
                         .integer(0, 0),
                     1);
        QCOMPARE(hubCount("SELECT count(*) FROM dossiers"), 3);
        QCOMPARE(hubCount("SELECT count(*) FROM files"), 3);

        // Nothing left: a second sync sends nothing and the hub still holds the same.
        const QJsonObject again = cli_.runJson(syncArgs() << QStringLiteral("--once")).object();
        QCOMPARE(again.value("operations").toObject().value("sent").toInt(), 0);
        QCOMPARE(hubCount("SELECT count(*) FROM operations"), 6);
    }

    void anUnreachableHubKeepsEverythingQueued()
    {
        const QString code = digitize();
        hub_->stop();
        const ToolResult offline = cli_.run(syncArgs() << QStringLiteral("--once"));
        QCOMPARE(offline.exitCode, 9);
        QVERIFY2(offline.err.contains("cannot be reached"), offline.err.constData());
        const auto queued = outbox();
        QCOMPARE(queued.size(), std::size_t{2}); // create and attach; only the first was tried
        QCOMPARE(queued.front().attempts, 1);
        QCOMPARE(queued.back().attempts, 0);
        QVERIFY(!queued.front().lastError.isEmpty());

        hub_->start();
        // Without --once, sync waits for the back-off and goes on until all is delivered.
        const ToolResult delivered = cli_.run(syncArgs());
        QCOMPARE(delivered.exitCode, 0);
        QVERIFY(outbox().empty());
        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        QCOMPARE(
            database.exec("SELECT count(*) FROM dossiers WHERE code = $1", {code.toStdString()})
                .integer(0, 0),
            1);
    }

    // kill -9 of the client mid-sync: rows the hub applied but the client had not yet marked
    // are sent again and answered from the hub's record; nothing is lost or doubled.
    void aClientKilledMidSyncConverges()
    {
        const QStringList codes = insertBacklog(QStringLiteral("K"), 200);
        auto sync = startSync();
        waitUntilHubHolds(codes, 20);
        sync->kill();
        sync->waitForFinished();
        QVERIFY(heldByHub(codes).first < codes.size());
        QCOMPARE(cli_.run(syncArgs()).exitCode, 0);
        expectExactlyOnce(codes);
    }

    // kill -9 of the hub mid-sync: the client backs off, the restarted hub (same address, same
    // database) takes the rest, and every dossier is there once.
    void aHubKilledMidSyncConverges()
    {
        const QStringList codes = insertBacklog(QStringLiteral("H"), 200);
        auto sync = startSync();
        waitUntilHubHolds(codes, 20);
        hub_->killHard();
        QVERIFY(heldByHub(codes).first < codes.size());
        hub_->start();
        QVERIFY(sync->waitForFinished(180000));
        QCOMPARE(sync->exitCode(), 0);
        expectExactlyOnce(codes);
    }

    void theTokenIsSavedOnceItWorksAndARevokedOneStopsTheSync()
    {
        cli_.environment().remove(QStringLiteral("SOHOA_SYNC_TOKEN"));
        digitize();
        QCOMPARE(cli_.run(syncArgs() << QStringLiteral("--once")).exitCode, 0);
        QVERIFY(outbox().empty());

        QCOMPARE(hub_->admin({QStringLiteral("revoke"), QStringLiteral("quay-1")}), 0);
        digitize();
        const ToolResult refused = cli_.run(syncArgs() << QStringLiteral("--once"));
        QCOMPARE(refused.exitCode, 5);
        QVERIFY2(refused.err.contains("revoked"), refused.err.constData());
        QCOMPARE(outbox().size(), std::size_t{2});
    }

    void cleanupTestCase() { hub_.reset(); }
};

QTEST_MAIN(TestCliSync)
#include "test_cli_sync.moc"
