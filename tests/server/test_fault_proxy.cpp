// SPDX-License-Identifier: GPL-3.0-or-later
// The fault-injecting proxy against a real hub and PostgreSQL: each fault does what the sync
// fault tests rely on (a dropped response leaves the operation applied and the client without
// an answer, a duplicate applies once, a 503 or a cut request never reaches the hub, a delay
// delays), and a seeded storm of them still ends with every operation applied exactly once.
#include "DevHub.h"
#include "OperationBody.h"
#include "server/PgConnection.h"
#include "support/FaultProxy.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTest>

using sohoa::testing::DevHub;
using sohoa::testing::Fault;
using sohoa::testing::FaultPolicy;
using sohoa::testing::FaultProxy;
using sohoa::testing::HubReply;
using sohoa::testing::newUuid;
using sohoa::testing::operationBody;

namespace {

// A dossier.create with its own dossier and code.
QByteArray createOperation(const QString& dossier, int number)
{
    return operationBody(dossier, 0, QStringLiteral("dossier.create"),
                         QStringLiteral("000.00.00.H26-261206-%1").arg(number, 4, 10, QChar('0')),
                         2);
}

} // namespace

class TestFaultProxy : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<DevHub> hub_;
    std::unique_ptr<FaultProxy> proxy_;
    QString token_;
    std::unique_ptr<sohoa::hub::PgConnection> database_;
    int dossiers_ = 0; // numbers the dossier codes

    // A new dossier.create sent through the proxy with `key`.
    HubReply postThroughProxy(const QByteArray& body, const QString& key)
    {
        return hub_->post(QStringLiteral("/v1/operations"), body, token_, key, proxy_->url());
    }

    long long operationsWithKey(const QString& key)
    {
        return database_
            ->exec("SELECT count(*) FROM operations WHERE idempotency_key = $1::uuid",
                   {key.toStdString()})
            .integer(0, 0);
    }

    long long allOperations()
    {
        return database_->exec("SELECT count(*) FROM operations").integer(0, 0);
    }

private slots:
    void initTestCase()
    {
        hub_ = DevHub::startIn(dir_);
        token_ = hub_->addWorkstation(QStringLiteral("quay-1"), QStringLiteral("000.00.00.H26"));
        // The dossier codes of these tests (…-261206-0001 onwards) from the workstation's block.
        hub_->reserveCodes(token_, QStringLiteral("000.00.00.H26"), QDate(2026, 12, 6), 1, 500);
        database_ = std::make_unique<sohoa::hub::PgConnection>(hub_->conninfo().toStdString());
        // The dev hub's own certificate is valid for 127.0.0.1, where the proxy listens.
        proxy_ = std::make_unique<FaultProxy>(
            QUrl(hub_->url()), hub_->directory() + QStringLiteral("/hub-cert.pem"),
            hub_->directory() + QStringLiteral("/hub-key.pem"), hub_->caFile());
    }

    void init() { proxy_->setPolicy(FaultPolicy{}); }

    void aRequestWithoutFaultPassesThrough()
    {
        const int requests = proxy_->requests();
        const HubReply reply = postThroughProxy(createOperation(newUuid(), ++dossiers_), newUuid());
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value("version").toInt(), 1);
        QVERIFY(!reply.replay);
        QCOMPARE(proxy_->requests(), requests + 1);
        QCOMPARE(proxy_->injectedTotal(), 0);
    }

    // QtNetwork itself sends a request again (POST too) when its connection closes before any
    // byte of the response; so that the client gives up, every attempt is dropped here.
    void aDroppedResponseLeavesTheOperationApplied()
    {
        FaultPolicy dropAll;
        dropAll.dropResponse = 1;
        proxy_->setPolicy(dropAll);
        const QString key = newUuid();
        const QByteArray body = createOperation(newUuid(), ++dossiers_);
        const int requests = proxy_->requests();
        const HubReply dropped = postThroughProxy(body, key);
        QCOMPARE(dropped.status, 0); // the client heard nothing
        const int attempts = proxy_->requests() - requests;
        qInfo("QtNetwork sent the request %d times", attempts);
        QCOMPARE(proxy_->injected(Fault::DropResponse), attempts);
        QCOMPARE(operationsWithKey(key), 1); // the hub had committed, once

        proxy_->setPolicy(FaultPolicy{});
        const HubReply retry = postThroughProxy(body, key);
        QCOMPARE(retry.status, 200);
        QVERIFY(retry.replay);
        QCOMPARE(retry.json.value("version").toInt(), 1);
        QCOMPARE(operationsWithKey(key), 1);
    }

    void aDuplicateAppliesOnce()
    {
        // By default the client gets the second answer: the hub's replay of the first.
        const QString key = newUuid();
        proxy_->script({Fault::Duplicate});
        const HubReply second = postThroughProxy(createOperation(newUuid(), ++dossiers_), key);
        QCOMPARE(second.status, 200);
        QVERIFY(second.replay);
        QCOMPARE(operationsWithKey(key), 1);

        FaultPolicy firstAnswer;
        firstAnswer.duplicateAnswersFirst = true;
        proxy_->setPolicy(firstAnswer);
        const QString other = newUuid();
        proxy_->script({Fault::Duplicate});
        const HubReply first = postThroughProxy(createOperation(newUuid(), ++dossiers_), other);
        QCOMPARE(first.status, 200);
        QVERIFY(!first.replay);
        QCOMPARE(first.json.value("version").toInt(), 1);
        QCOMPARE(operationsWithKey(other), 1);
        QCOMPARE(proxy_->injected(Fault::Duplicate), 2);
    }

    void aServerErrorNeverReachesTheHub()
    {
        FaultPolicy policy;
        policy.retryAfterSeconds = 1;
        proxy_->setPolicy(policy);
        const QString key = newUuid();
        const QByteArray body = createOperation(newUuid(), ++dossiers_);
        const long long before = allOperations();
        proxy_->script({Fault::ServerError});
        const HubReply refused = postThroughProxy(body, key);
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.retryAfter, QByteArray("1"));
        const QJsonObject error = refused.json.value("error").toObject();
        QCOMPARE(error.value("code").toString(), QStringLiteral("unavailable"));
        QVERIFY(!error.value("message_vi").toString().isEmpty());
        QCOMPARE(allOperations(), before);

        const HubReply retry = postThroughProxy(body, key);
        QCOMPARE(retry.status, 200);
        QVERIFY(!retry.replay); // the hub sees the operation for the first time
    }

    void aCutRequestNeverReachesTheHandler()
    {
        const QString key = newUuid();
        const QString dossier = newUuid();
        const QByteArray body = createOperation(dossier, ++dossiers_);
        const long long before = allOperations();
        FaultPolicy cutAll; // every attempt, as for a dropped response
        cutAll.cutRequest = 1;
        proxy_->setPolicy(cutAll);
        const int requests = proxy_->requests();
        QCOMPARE(postThroughProxy(body, key).status, 0);
        QCOMPARE(proxy_->injected(Fault::CutRequest), proxy_->requests() - requests);
        QCOMPARE(allOperations(), before);
        QCOMPARE(database_->exec("SELECT 1 FROM dossiers WHERE uuid = $1", {dossier.toStdString()})
                     .rows(),
                 0);

        proxy_->setPolicy(FaultPolicy{});
        const HubReply retry = postThroughProxy(body, key);
        QCOMPARE(retry.status, 200);
        QVERIFY(!retry.replay);
    }

    void aDelayHoldsTheRequest()
    {
        FaultPolicy policy;
        policy.delayMs = 700;
        proxy_->setPolicy(policy);
        proxy_->script({Fault::Delay});
        QElapsedTimer clock;
        clock.start();
        const HubReply delayed =
            postThroughProxy(createOperation(newUuid(), ++dossiers_), newUuid());
        QVERIFY(clock.elapsed() >= 700);
        QCOMPARE(delayed.status, 200);
        QCOMPARE(proxy_->injected(Fault::Delay), 1);
    }

    // A seeded storm over one keep-alive client: each operation is retried with its key until it
    // gets 200, and every one is applied exactly once.
    void aStormOfFaultsAppliesEachOperationOnce()
    {
        FaultPolicy storm;
        storm.cutRequest = storm.dropResponse = storm.duplicate = storm.serverError = 0.12;
        storm.delay = 0.1;
        storm.delayMs = 20;
        storm.seed = 20261206;
        proxy_->setPolicy(storm);
        const int faultsBefore = proxy_->injectedTotal();
        const int connectionsBefore = proxy_->connections();
        const int requestsBefore = proxy_->requests();
        QNetworkAccessManager network;
        QStringList dossiers;
        for (int i = 0; i < 40; ++i) {
            const QString dossier = newUuid();
            const QString key = newUuid();
            const QByteArray body = createOperation(dossier, ++dossiers_);
            HubReply reply;
            for (int attempt = 0; attempt < 30 && reply.status != 200; ++attempt)
                reply = hub_->post(network, QStringLiteral("/v1/operations"), body, token_, key,
                                   proxy_->url());
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.json.value("version").toInt(), 1);
            QCOMPARE(operationsWithKey(key), 1);
            dossiers << dossier;
        }
        const int faults = proxy_->injectedTotal() - faultsBefore;
        qInfo("storm: %d requests, %d faults, %d connections", proxy_->requests() - requestsBefore,
              faults, proxy_->connections() - connectionsBefore);
        QVERIFY(faults >= 10);
        // Connections were kept alive across requests that had no fault closing them.
        QVERIFY(proxy_->connections() - connectionsBefore < proxy_->requests() - requestsBefore);
        const std::string held = database_
                                     ->exec("SELECT count(*) FROM dossiers WHERE uuid::text = "
                                            "ANY(string_to_array($1, ','))",
                                            {dossiers.join(',').toStdString()})
                                     .text(0, 0);
        QCOMPARE(held, std::to_string(dossiers.size()));
    }

    void cleanupTestCase()
    {
        proxy_.reset();
        database_.reset();
        hub_.reset();
    }
};

QTEST_MAIN(TestFaultProxy)
#include "test_fault_proxy.moc"
