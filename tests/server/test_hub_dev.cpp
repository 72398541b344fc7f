// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-hub --dev end to end: a real hub process, its private PostgreSQL 15 cluster (checked
// directly through the connection string it prints), TLS against its own CA, workstation tokens
// issued, used and revoked by the admin command, and a hub killed with -9 that comes back.
#include "DevHub.h"
#include "server/PgConnection.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QTest>

using sohoa::testing::DevHub;

class TestHubDev : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<DevHub> hub_;

    QString addWorkstation(const QString& name)
    {
        QByteArray output;
        const int code = hub_->admin({QStringLiteral("add-workstation"), name,
                                      QStringLiteral("--agency"), QStringLiteral("000.00.00.H26")},
                                     &output);
        if (code != 0)
            qFatal("add-workstation failed: %s", output.constData());
        return QString::fromUtf8(output.trimmed().split('\n').last());
    }

private slots:
    void initTestCase()
    {
        // As root, the hub runs PostgreSQL as `postgres`, which must pass through this folder.
        QFile::setPermissions(dir_.path(), QFile::permissions(dir_.path()) | QFile::ExeOther);
        hub_ = std::make_unique<DevHub>(dir_.filePath(QStringLiteral("hub")));
        hub_->start();
        QVERIFY(hub_->url().startsWith(QLatin1String("https://127.0.0.1:")));
        QVERIFY(hub_->conninfo().contains(QLatin1String("dbname=sohoa_hub")));
    }

    void statusIsHealthyOverVerifiedTls()
    {
        const auto reply = hub_->get(QStringLiteral("/v1/status"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value("status").toString(), QStringLiteral("ok"));
        QCOMPARE(reply.json.value("database").toString(), QStringLiteral("ok"));
        QCOMPARE(reply.json.value("mode").toString(), QStringLiteral("dev"));
        QCOMPARE(reply.json.value("api").toArray(), QJsonArray{QStringLiteral("v1")});
        QVERIFY(reply.json.value("schema_version").toInt() >= 1);
        QCOMPARE(reply.json.value("queues").toObject().value("uploads_incomplete").toInt(-1), 0);
        // A client that does not trust the hub's CA gets no answer at all.
        QCOMPARE(hub_->get(QStringLiteral("/v1/status"), {}, false).status, 0);
    }

    void tokensAuthenticateUntilRevoked()
    {
        const QString token = addWorkstation(QStringLiteral("quay-1"));
        QCOMPARE(token.size(), 43); // 32 bytes, base64url without padding
        const auto me = hub_->get(QStringLiteral("/v1/workstation"), token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value("name").toString(), QStringLiteral("quay-1"));
        QCOMPARE(me.json.value("agency_code").toString(), QStringLiteral("000.00.00.H26"));

        const auto refusal = [&](const QString& wrong) {
            const auto refused = hub_->get(QStringLiteral("/v1/workstation"), wrong);
            const QJsonObject error = refused.json.value("error").toObject();
            return refused.status == 401 && !error.value("message_vi").toString().isEmpty()
                       ? error.value("code").toString()
                       : QString();
        };
        QCOMPARE(refusal({}), QStringLiteral("token-missing"));
        QCOMPARE(refusal(token.left(42) + QLatin1Char('x')), QStringLiteral("token-invalid"));

        // The database keeps only the token's SHA-256.
        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        const auto stored =
            database.exec("SELECT t.token_sha256 FROM workstation_tokens t "
                          "JOIN workstations w ON w.id = t.workstation_id WHERE w.name = $1",
                          {std::string("quay-1")});
        QCOMPARE(stored.rows(), 1);
        QCOMPARE(QByteArray::fromStdString(stored.bytes(0, 0)),
                 QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256));

        QByteArray output;
        QVERIFY(hub_->admin({QStringLiteral("add-workstation"), QStringLiteral("quay-1")},
                            &output) != 0);
        QVERIFY2(output.contains("exists already"), output.constData());

        QCOMPARE(hub_->admin({QStringLiteral("revoke"), QStringLiteral("quay-1")}), 0);
        QCOMPARE(refusal(token), QStringLiteral("token-revoked"));
        QCOMPARE(hub_->admin({QStringLiteral("revoke"), QStringLiteral("quay-1")}), 1);
        QVERIFY(hub_->admin({QStringLiteral("list")}, &output) == 0);
        QVERIFY2(output.contains("quay-1\t000.00.00.H26\trevoked"), output.constData());
    }

    void unknownEndpointsAnswerWithAStructuredError()
    {
        const auto reply = hub_->get(QStringLiteral("/v1/no-such-thing"));
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.json.value("error").toObject().value("code").toString(),
                 QStringLiteral("not-found"));
    }

    void aHubKilledHardComesBackWithItsData()
    {
        const QString token = addWorkstation(QStringLiteral("quay-2"));
        const QString url = hub_->url();
        hub_->killHard();
        QCOMPARE(hub_->get(QStringLiteral("/v1/status")).status, 0);
        hub_->start();
        QCOMPARE(hub_->url(), url);
        QCOMPARE(hub_->get(QStringLiteral("/v1/workstation"), token).status, 200);
    }

    void stoppingTheHubStopsItsDatabase()
    {
        const std::string conninfo = hub_->conninfo().toStdString();
        hub_->stop();
        QVERIFY_THROWS_EXCEPTION(sohoa::hub::PgError, sohoa::hub::PgConnection{conninfo});
    }
};

QTEST_MAIN(TestHubDev)
#include "test_hub_dev.moc"
