// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli sync against a real dev hub (sohoa-hub --dev, PostgreSQL 15, TLS with its own CA):
// dossiers digitized offline reach the hub exactly once, checked in PostgreSQL by UUID and
// Idempotency-Key; an unreachable hub keeps everything queued; the token is saved once it
// works; a revoked token stops the sync with a message.
#include "../server/DevHub.h"
#include "CliRunner.h"
#include "server/PgConnection.h"
#include "storage/Store.h"
#include "support/RenderedPage.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

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

    void anOfflineBacklogReachesTheHubExactlyOnce()
    {
        QStringList codes;
        for (int i = 0; i < 3; ++i)
            codes << digitize();
        const auto queued = outbox();
        QCOMPARE(queued.size(), std::size_t{3});

        const QJsonObject pass = cli_.runJson(syncArgs() << QStringLiteral("--once")).object();
        QCOMPARE(pass.value("operations").toObject().value("sent").toInt(), 3);
        QCOMPARE(pass.value("operations").toObject().value("pending").toInt(), 0);
        QVERIFY(outbox().empty());

        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        for (const sohoa::storage::OutboxRecord& row : queued) {
            const auto held =
                database.exec("SELECT d.code, d.version, d.state, d.national_status "
                              "FROM dossiers d JOIN operations o ON o.dossier_uuid = d.uuid "
                              "WHERE d.uuid = $1 AND o.idempotency_key = $2 AND o.applied",
                              {row.dossierUuid.toStdString(), row.idempotencyKey.toStdString()});
            QCOMPARE(held.rows(), 1);
            QVERIFY(codes.contains(QString::fromStdString(held.text(0, 0))));
            QCOMPARE(held.text(0, 1), std::string("1"));
            QCOMPARE(held.text(0, 2), std::string("captured"));
        }
        QCOMPARE(hubCount("SELECT count(*) FROM dossiers"), 3);

        // Nothing left: a second sync sends nothing and the hub still holds three.
        const QJsonObject again = cli_.runJson(syncArgs() << QStringLiteral("--once")).object();
        QCOMPARE(again.value("operations").toObject().value("sent").toInt(), 0);
        QCOMPARE(hubCount("SELECT count(*) FROM operations"), 3);
    }

    void anUnreachableHubKeepsEverythingQueued()
    {
        const QString code = digitize();
        hub_->stop();
        const ToolResult offline = cli_.run(syncArgs() << QStringLiteral("--once"));
        QCOMPARE(offline.exitCode, 9);
        QVERIFY2(offline.err.contains("cannot be reached"), offline.err.constData());
        const auto queued = outbox();
        QCOMPARE(queued.size(), std::size_t{1});
        QCOMPARE(queued.front().attempts, 1);
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
        QCOMPARE(outbox().size(), std::size_t{1});
    }

    void cleanupTestCase() { hub_.reset(); }
};

QTEST_MAIN(TestCliSync)
#include "test_cli_sync.moc"
