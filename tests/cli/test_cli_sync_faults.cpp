// SPDX-License-Identifier: GPL-3.0-or-later
// The sync under fire: a 200-dossier offline backlog (each dossier with one document, some of
// several upload chunks) delivered by `sohoa-cli sync` through a fault-injecting proxy that
// cuts requests mid-body, drops the hub's answers after it committed, duplicates requests,
// answers 503 and delays, over a thousand times. Afterwards the hub holds every dossier,
// operation and file exactly once (checked in PostgreSQL by Idempotency-Key and hash, and on
// disk), the outbox is empty, and no more was re-sent than one chunk per fault. The backlog's
// codes are provisional (the counter was offline longer than its blocks lasted): each gets its
// definitive code once, however often the create's answer was lost and replayed, and the
// store's code and file names end up equal to the hub's.
#include "../server/DevHub.h"
#include "CliRunner.h"
#include "OfflineDossier.h"
#include "server/PgConnection.h"
#include "storage/Store.h"
#include "support/FaultProxy.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace sohoa::testing;

namespace {

constexpr int kDossiers = 200;
constexpr qint64 kChunk = 1024 * 1024;

// Most documents fit one chunk; every tenth takes three.
QByteArray documentBytes(int n)
{
    QByteArray bytes(n % 10 == 0 ? 2 * kChunk + 300 * 1024 : 48 * 1024 + n, Qt::Uninitialized);
    QRandomGenerator random(static_cast<quint32>(n));
    for (char& byte : bytes)
        byte = static_cast<char>(random.generate());
    return bytes;
}

} // namespace

class TestCliSyncFaults : public QObject
{
    Q_OBJECT

    CliRunner cli_;
    QTemporaryDir hubDir_;

private slots:
    void aThousandFaultsDeliverABacklogExactlyOnce()
    {
        const auto hub = DevHub::startIn(hubDir_);
        cli_.environment().insert(
            QStringLiteral("SOHOA_SYNC_TOKEN"),
            hub->addWorkstation(QStringLiteral("quay-1"), QStringLiteral("000.00.00.H26")));
        cli_.environment().insert(QStringLiteral("SOHOA_TEST_SYNC_RETRY_BASE_MS"),
                                  QStringLiteral("5"));
        QCOMPARE(cli_.initStore(), 0);

        // The backlog: dossiers, their documents and outbox rows as digitize leaves them.
        QStringList keys;
        QHash<QString, QByteArray> files; // hex SHA-256 -> bytes
        {
            auto store = sohoa::storage::Store::open(
                cli_.storePath(), sohoa::storage::SecureBytes::fromString(CliRunner::kPassphrase));
            store->inTransaction([&] {
                for (int n = 1; n <= kDossiers; ++n) {
                    const QByteArray bytes = documentBytes(n);
                    addOfflineDossier(
                        *store,
                        QStringLiteral("000.00.00.H26-261205-P%1").arg(n, 4, 10, QLatin1Char('0')),
                        bytes);
                    files.insert(
                        QString::fromLatin1(
                            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()),
                        bytes);
                }
            });
            for (const auto& row : store->outboxPending())
                keys << row.idempotencyKey;
        }
        QCOMPARE(keys.size(), 2 * kDossiers);
        qint64 totalBytes = 0;
        for (const QByteArray& bytes : files)
            totalBytes += bytes.size();

        FaultProxy proxy(QUrl(hub->url()), hub->directory() + QStringLiteral("/hub-cert.pem"),
                         hub->directory() + QStringLiteral("/hub-key.pem"), hub->caFile());
        FaultPolicy storm;
        storm.cutRequest = 0.12;
        storm.dropResponse = 0.12;
        storm.duplicate = 0.12;
        storm.serverError = 0.15;
        storm.delay = 0.12;
        storm.delayMs = 15;
        storm.seed = 20261205;
        proxy.setPolicy(storm);

        const ToolResult sync = cli_.run({QStringLiteral("sync"), QStringLiteral("--store"),
                                          cli_.storePath(), QStringLiteral("--server"), proxy.url(),
                                          QStringLiteral("--ca-file"), hub->caFile()});
        QCOMPARE(sync.exitCode, 0);
        qInfo("%d requests, %d faults (cut %d, dropped answer %d, duplicate %d, 503 %d, "
              "delay %d); upload bytes sent %lld for %lld",
              proxy.requests(), proxy.injectedTotal(), proxy.injected(Fault::CutRequest),
              proxy.injected(Fault::DropResponse), proxy.injected(Fault::Duplicate),
              proxy.injected(Fault::ServerError), proxy.injected(Fault::Delay),
              proxy.patchBodyBytes(), totalBytes);
        QVERIFY(proxy.injectedTotal() >= 1000);

        // Exactly once, in PostgreSQL: each operation by its key, each dossier, each file.
        sohoa::hub::PgConnection database(hub->conninfo().toStdString());
        const auto applied =
            database.exec("SELECT count(*), count(DISTINCT idempotency_key) FROM operations "
                          "WHERE applied AND idempotency_key::text = ANY(string_to_array($1, ','))",
                          {keys.join(QLatin1Char(',')).toStdString()});
        QCOMPARE(applied.integer(0, 0), 2 * kDossiers);
        QCOMPARE(applied.integer(0, 1), 2 * kDossiers);
        QCOMPARE(database.exec("SELECT count(*) FROM dossiers WHERE version = 2").integer(0, 0),
                 kDossiers);
        QCOMPARE(database.exec("SELECT count(*) FROM dossiers").integer(0, 0), kDossiers);
        QCOMPARE(database.exec("SELECT count(*) FROM files").integer(0, 0), files.size());
        for (auto file = files.begin(); file != files.end(); ++file) {
            const QString& sha256 = file.key();
            QFile onHub(
                hub->directory() +
                QStringLiteral("/files/%1/%2/%3").arg(sha256.left(2), sha256.mid(2, 2), sha256));
            QVERIFY(onHub.open(QIODevice::ReadOnly));
            QCOMPARE(onHub.readAll(), file.value());
        }
        QCOMPARE(
            database
                .exec("SELECT count(DISTINCT payload->'components'->0->'documents'->0->>'sha256') "
                      "FROM dossiers")
                .integer(0, 0),
            kDossiers);

        auto store = sohoa::storage::Store::open(
            cli_.storePath(), sohoa::storage::SecureBytes::fromString(CliRunner::kPassphrase));
        QVERIFY(store->outboxPending().empty());
        QCOMPARE(store->outboxParkedCount(), 0);

        // One definitive code per dossier, the same in the store and on the hub, with the
        // documents renamed; 200 numbers of the day's counter, none twice.
        const auto codes =
            database.exec("SELECT count(DISTINCT code), count(provisional_code) FROM dossiers");
        QCOMPARE(codes.integer(0, 0), kDossiers);
        QCOMPARE(codes.integer(0, 1), kDossiers);
        QCOMPARE(database.exec("SELECT last_sequence FROM code_counters WHERE day = '2026-12-05'")
                     .integer(0, 0),
                 kDossiers);
        for (const auto& summary : store->listDossiers()) {
            QVERIFY(!summary.codeProvisional);
            QVERIFY(summary.formerProvisionalCode.contains(QStringLiteral("-P")));
            const auto detail = store->dossierByCode(summary.code);
            QCOMPARE(database
                         .exec("SELECT code FROM dossiers WHERE uuid = $1",
                               {detail->dossier.uuid.toStdString()})
                         .text(0, 0),
                     summary.code.toStdString());
            QCOMPARE(detail->components.front().documents.front().fileName,
                     summary.code + QStringLiteral(".01.pdf"));
        }

        // Re-sent upload bytes: at most the chunk in flight for each fault that hit one.
        const int resendingFaults = proxy.injected(Fault::CutRequest) +
                                    proxy.injected(Fault::DropResponse) +
                                    proxy.injected(Fault::ServerError);
        QVERIFY(proxy.patchBodyBytes() >= totalBytes);
        QVERIFY(proxy.patchBodyBytes() - totalBytes <= resendingFaults * kChunk);
    }
};

QTEST_MAIN(TestCliSyncFaults)
#include "test_cli_sync_faults.moc"
