// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli sync against a real dev hub (sohoa-hub --dev, PostgreSQL 15, TLS with its own CA):
// dossiers digitized offline reach the hub exactly once, checked in PostgreSQL by UUID and
// Idempotency-Key; an unreachable hub keeps everything queued; the token is saved once it
// works; a revoked token stops the sync with a message; a dossier signed offline arrives
// signed. Dossier codes: an install that was never online issues provisional codes, which the
// sync replaces with the hub's, and from then on codes come from the blocks the sync reserves.
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
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QThread>
#include <algorithm>

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

    QJsonObject digitizeJson()
    {
        return cli_
            .runJson(QStringList{QStringLiteral("digitize"), QStringLiteral("--input"), page_,
                                 QStringLiteral("--procedure"), QStringLiteral("1.001193"),
                                 QStringLiteral("--component"), QStringLiteral("KQ.G15.000031"),
                                 QStringLiteral("--applicant-id"), QStringLiteral("001203004567")} +
                     cli_.storeArgs())
            .object();
    }

    QString digitize() { return digitizeJson().value("dossier_code").toString(); }

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
    QStringList insertBacklog(int count)
    {
        auto store = sohoa::storage::Store::open(
            cli_.storePath(), sohoa::storage::SecureBytes::fromString(CliRunner::kPassphrase));
        // Codes from a block reserved before the counter went offline.
        const QJsonObject block = hub_->reserveCodes(token_, QStringLiteral("000.00.00.H26"),
                                                     QDate(2026, 12, 5), 1, count)
                                      .value("blocks")
                                      .toArray()
                                      .first()
                                      .toObject();
        QStringList codes;
        store->inTransaction([&] {
            for (int i = block.value("first").toInt(); i <= block.value("last").toInt(); ++i)
                codes << addOfflineDossier(*store, QStringLiteral("000.00.00.H26-261205-%1")
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
        QCOMPARE(hub_->admin({QStringLiteral("add-workstation"), QStringLiteral("quay-1"),
                              QStringLiteral("--agency"), QStringLiteral("000.00.00.H26")},
                             &output),
                 0);
        token_ = QString::fromUtf8(output.trimmed().split('\n').last());
        cli_.environment().insert(QStringLiteral("SOHOA_SYNC_TOKEN"), token_);
        QCOMPARE(cli_.initStore(), 0);
        page_ = cli_.path(QStringLiteral("trang.png"));
        QVERIFY(renderPage(samplePageLines().mid(0, 3), 150).image.save(page_));
    }

    // Never online: no reserved number, so digitize issues a provisional code. The sync
    // delivers the dossier, the hub assigns the definitive code, and the store takes it with
    // its file names; the sync has also reserved blocks, so the next dossier's code is one of
    // them.
    void aNeverOnlineInstallGetsItsProvisionalCodeReplaced()
    {
        const QJsonObject digitized = digitizeJson();
        const QString provisional = digitized.value("dossier_code").toString();
        QVERIFY2(provisional.contains(QStringLiteral("-P0001")), qPrintable(provisional));
        QVERIFY(digitized.value("code_provisional").toBool());
        const QJsonObject listed =
            cli_.runJson(QStringList{QStringLiteral("store"), QStringLiteral("list")} +
                         cli_.storeArgs())
                .object()
                .value("dossiers")
                .toArray()
                .first()
                .toObject();
        QVERIFY(listed.value("code_provisional").toBool());

        const QJsonObject pass = cli_.runJson(syncArgs() << QStringLiteral("--once")).object();
        QCOMPARE(pass.value("operations").toObject().value("sent").toInt(), 2);
        const QJsonArray assignedCodes = pass.value("codes_assigned").toArray();
        QCOMPARE(assignedCodes.size(), 1);
        QCOMPARE(assignedCodes.first().toObject().value("provisional").toString(), provisional);
        QCOMPARE(pass.value("code_blocks").toObject().value("numbers").toInt(), 7 * 50);
        // The sync reserved today's block (numbers 1..50) before it sent the dossier, so the
        // hub assigned the next number of the day.
        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        const auto block =
            database.exec("SELECT first_sequence, last_sequence FROM code_blocks WHERE day = $1",
                          {QDate::currentDate().toString(Qt::ISODate).toStdString()});
        QCOMPARE(block.rows(), 1);
        const QString dayPrefix = provisional.left(provisional.size() - 5);
        const auto codeOf = [&](long long sequence) {
            return dayPrefix + QStringLiteral("%1").arg(sequence, 4, 10, QLatin1Char('0'));
        };
        const QString assigned = assignedCodes.first().toObject().value("assigned").toString();
        QCOMPARE(assigned, codeOf(block.integer(0, 1) + 1));

        const QJsonObject shown =
            cli_.runJson(QStringList{QStringLiteral("store"), QStringLiteral("show"), assigned} +
                         cli_.storeArgs())
                .object();
        QVERIFY(!shown.value("code_provisional").toBool());
        QCOMPARE(shown.value("former_provisional_code").toString(), provisional);
        QString fileName;
        {
            auto store = sohoa::storage::Store::open(
                cli_.storePath(), sohoa::storage::SecureBytes::fromString(CliRunner::kPassphrase));
            const auto detail = store->dossierByCode(assigned);
            fileName = detail->components.front().documents.front().fileName;
            QCOMPARE(fileName, assigned + QStringLiteral(".01.pdf"));
            const auto history = store->events(detail->dossier.uuid);
            QVERIFY(std::any_of(history.begin(), history.end(), [](const auto& event) {
                return event.action == QLatin1String("dossier-code-assigned");
            }));
        }

        const auto held =
            database.exec("SELECT code, provisional_code, "
                          "payload->'components'->0->'documents'->0->>'file_name' FROM dossiers");
        QCOMPARE(held.rows(), 1);
        QCOMPARE(held.text(0, 0), assigned.toStdString());
        QCOMPARE(held.text(0, 1), provisional.toStdString());
        QCOMPARE(held.text(0, 2), fileName.toStdString());

        // Now the day has a block: the next dossier's code is its lowest number, definitive.
        const QJsonObject next = digitizeJson();
        QVERIFY(!next.value("code_provisional").toBool());
        QCOMPARE(next.value("dossier_code").toString(), codeOf(block.integer(0, 0)));
        QCOMPARE(cli_.runJson(syncArgs() << QStringLiteral("--once"))
                     .object()
                     .value("operations")
                     .toObject()
                     .value("sent")
                     .toInt(),
                 2);
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
        QCOMPARE(hubCount("SELECT count(*) FROM dossiers"), 2 + 3);
        QCOMPARE(hubCount("SELECT count(*) FROM files"), 2 + 3);

        // Nothing left: a second sync sends nothing and the hub still holds the same.
        const QJsonObject again = cli_.runJson(syncArgs() << QStringLiteral("--once")).object();
        QCOMPARE(again.value("operations").toObject().value("sent").toInt(), 0);
        QCOMPARE(hubCount("SELECT count(*) FROM operations WHERE dossier_uuid IS NOT NULL"), 4 + 6);
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

    // Signing offline takes the dossier captured → signed: its rows are dossier.create, the
    // attach of the scanned PDF, the attach of the signed one and the transition, in that order.
    // The sync delivers each once (the scanned PDF, whose blob the signed one replaced, from the
    // signed PDF's first bytes) and the hub holds the dossier signed, at the local version.
    void aDossierSignedOfflineReachesTheHubSigned()
    {
        const QString code = digitize();
        const QJsonObject signedDossier =
            cli_.runJson(QStringList{QStringLiteral("sign"), QStringLiteral("--dossier"), code,
                                     QStringLiteral("--demo")} +
                         cli_.storeArgs())
                .object();
        QCOMPARE(signedDossier.value("state").toString(), QStringLiteral("signed"));
        const auto queued = outbox();
        QStringList operations;
        for (const sohoa::storage::OutboxRecord& row : queued)
            operations << row.operation;
        QCOMPARE(operations,
                 (QStringList{QStringLiteral("dossier.create"), QStringLiteral("component.attach"),
                              QStringLiteral("component.attach"),
                              QStringLiteral("dossier.transition")}));
        const QJsonObject transition =
            QJsonDocument::fromJson(queued.back().payload.toUtf8()).object();
        QCOMPARE(transition.value("transition").toString(), QStringLiteral("sign"));
        QCOMPARE(transition.value("from_state").toString(), QStringLiteral("captured"));
        QCOMPARE(transition.value("to_state").toString(), QStringLiteral("signed"));
        QCOMPARE(transition.value("national_status").toInt(), 2);
        QVERIFY(transition.value("test_data").toBool()); // the demo key's signature
        const QJsonObject progress = transition.value("progress").toObject();
        QVERIFY(!progress.value("officer_id").toString().isEmpty());
        QCOMPARE(progress.value("at").toString().size(), 14);

        QCOMPARE(cli_.run(syncArgs() << QStringLiteral("--once")).exitCode, 0);
        QVERIFY(outbox().empty());
        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        const auto held = database.exec(
            "SELECT state, national_status, version, "
            "(SELECT count(*) FROM operations o WHERE o.dossier_uuid = d.uuid AND o.applied), "
            "jsonb_array_length(payload->'progress') FROM dossiers d WHERE uuid = $1",
            {queued.front().dossierUuid.toStdString()});
        QCOMPARE(held.rows(), 1);
        QCOMPARE(held.text(0, 0), std::string("signed"));
        QCOMPARE(held.text(0, 1), std::string("2"));
        QCOMPARE(held.text(0, 2), std::to_string(queued.size()));
        QCOMPARE(held.text(0, 3), std::to_string(queued.size()));
        QCOMPARE(held.text(0, 4), std::string("1"));
        auto store = sohoa::storage::Store::open(
            cli_.storePath(), sohoa::storage::SecureBytes::fromString(CliRunner::kPassphrase));
        QCOMPARE(store->dossierByUuid(queued.front().dossierUuid)->version,
                 static_cast<int>(queued.size()));
    }

    // kill -9 of the client mid-sync: rows the hub applied but the client had not yet marked
    // are sent again and answered from the hub's record; nothing is lost or doubled.
    void aClientKilledMidSyncConverges()
    {
        const QStringList codes = insertBacklog(200);
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
        const QStringList codes = insertBacklog(200);
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
