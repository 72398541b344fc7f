// SPDX-License-Identifier: GPL-3.0-or-later
// POST /v1/operations against a real hub and PostgreSQL: each operation applied exactly once
// (replays get the stored answer, duplicates racing each other apply once), in order (a stale
// base version is refused with the current one), transitions only as the lifecycle allows them
// from the hub's state, test data refused by a production hub only.
// The workstation creates its dossiers under codes from a block it reserved (test_hub_code_blocks
// covers codes outside one).
#include "DevHub.h"
#include "OperationBody.h"
#include "server/PgConnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using sohoa::testing::attachBody;
using sohoa::testing::DevHub;
using sohoa::testing::HubReply;
using sohoa::testing::newUuid;
using sohoa::testing::operationBody;
using sohoa::testing::transitionBody;

namespace {

QString errorCode(const HubReply& reply)
{
    return reply.json.value("error").toObject().value("code").toString();
}

} // namespace

class TestHubOperations : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<DevHub> hub_;
    QString token_;
    std::unique_ptr<sohoa::hub::PgConnection> database_;

    long long count(const std::string& sql, const std::string& parameter)
    {
        return database_->exec(sql, {parameter}).integer(0, 0);
    }

private slots:
    void initTestCase()
    {
        hub_ = DevHub::startIn(dir_);
        token_ = hub_->addWorkstation(QStringLiteral("quay-1"), QStringLiteral("000.00.00.H26"));
        // The definitive codes these tests create (…-261205-0001 onwards) must be the
        // workstation's own: it reserves the day's first numbers, as its sync would.
        hub_->reserveCodes(token_, QStringLiteral("000.00.00.H26"), QDate(2026, 12, 5), 1, 50);
        database_ = std::make_unique<sohoa::hub::PgConnection>(hub_->conninfo().toStdString());
    }

    void aReplayGetsTheStoredAnswer()
    {
        const QString dossier = newUuid();
        const QString key = newUuid();
        const QByteArray body = operationBody(dossier, 0, QStringLiteral("dossier.create"),
                                              QStringLiteral("000.00.00.H26-261205-0001"), 2);
        const HubReply first = hub_->post(QStringLiteral("/v1/operations"), body, token_, key);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json.value("version").toInt(), 1);
        QVERIFY(!first.replay);
        const HubReply again = hub_->post(QStringLiteral("/v1/operations"), body, token_, key);
        QCOMPARE(again.status, 200);
        QVERIFY(again.replay);
        QCOMPARE(again.json, first.json);
        QCOMPARE(count("SELECT count(*) FROM operations WHERE idempotency_key = $1::uuid",
                       key.toStdString()),
                 1);
        QCOMPARE(count("SELECT version FROM dossiers WHERE uuid = $1::uuid", dossier.toStdString()),
                 1);

        // The same key for another operation is a client bug, not a replay.
        const HubReply reused =
            hub_->post(QStringLiteral("/v1/operations"),
                       operationBody(dossier, 1, QStringLiteral("dossier.update"),
                                     QStringLiteral("000.00.00.H26-261205-0001"), 4),
                       token_, key);
        QCOMPARE(reused.status, 422);
        QCOMPARE(errorCode(reused), QStringLiteral("idempotency-key-reused"));
    }

    void operationsApplyInOrderAndStaleOnesAreRefused()
    {
        const QString dossier = newUuid();
        const QString code = QStringLiteral("000.00.00.H26-261205-0002");
        QCOMPARE(hub_->post(QStringLiteral("/v1/operations"),
                            operationBody(dossier, 0, QStringLiteral("dossier.create"), code, 2),
                            token_, newUuid())
                     .json.value("version")
                     .toInt(),
                 1);
        QCOMPARE(hub_->post(QStringLiteral("/v1/operations"),
                            transitionBody(dossier, 1, QStringLiteral("sign"),
                                           QStringLiteral("signed"), 2),
                            token_, newUuid())
                     .json.value("version")
                     .toInt(),
                 2);
        const HubReply stale =
            hub_->post(QStringLiteral("/v1/operations"),
                       operationBody(dossier, 1, QStringLiteral("dossier.update"), code, 5), token_,
                       newUuid());
        QCOMPARE(stale.status, 409);
        const QJsonObject error = stale.json.value("error").toObject();
        QCOMPARE(error.value("code").toString(), QStringLiteral("stale-version"));
        QCOMPARE(error.value("details").toObject().value("current_version").toInt(), 2);
        QCOMPARE(
            error.value("details").toObject().value("current").toObject().value("state").toString(),
            QStringLiteral("signed"));
        QVERIFY(!error.value("message_vi").toString().isEmpty());
        const auto held = database_->exec(
            "SELECT state, national_status, payload->>'procedure_code' FROM dossiers "
            "WHERE uuid = $1",
            {dossier.toStdString()});
        QCOMPARE(held.text(0, 0), std::string("signed"));
        QCOMPARE(held.text(0, 1), std::string("2"));
        QCOMPARE(held.text(0, 2), std::string("1.001193"));

        // Another dossier may not take the code.
        const HubReply taken =
            hub_->post(QStringLiteral("/v1/operations"),
                       operationBody(newUuid(), 0, QStringLiteral("dossier.create"), code, 2),
                       token_, newUuid());
        QCOMPARE(taken.status, 409);
        QCOMPARE(errorCode(taken), QStringLiteral("dossier-code-taken"));

        // Only the workstation that created a dossier may change it.
        const QString other = hub_->addWorkstation(QStringLiteral("quay-2"));
        QCOMPARE(
            errorCode(hub_->post(QStringLiteral("/v1/operations"),
                                 transitionBody(dossier, 2, QStringLiteral("submit_for_review"),
                                                QStringLiteral("awaiting_review"), 2),
                                 other, newUuid())),
            QStringLiteral("dossier-not-owned"));
        QCOMPARE(errorCode(hub_->post(QStringLiteral("/v1/operations"),
                                      transitionBody(newUuid(), 0, QStringLiteral("sign"),
                                                     QStringLiteral("signed"), 2),
                                      token_, newUuid())),
                 QStringLiteral("dossier-unknown"));
    }

    // The hub checks each step against its copy of the lifecycle, from the state it holds: a
    // refusal is final and kept with the key, and only an allowed step moves the dossier on and
    // keeps its progress entry.
    void transitionsFollowTheLifecycle()
    {
        const QString dossier = newUuid();
        QCOMPARE(hub_->post(QStringLiteral("/v1/operations"),
                            operationBody(dossier, 0, QStringLiteral("dossier.create"),
                                          QStringLiteral("000.00.00.H26-261205-0008"), 2),
                            token_, newUuid())
                     .status,
                 200);
        const QByteArray skipsSigning = transitionBody(
            dossier, 1, QStringLiteral("submit_for_review"), QStringLiteral("awaiting_review"), 2);
        const QString key = newUuid();
        const HubReply refused =
            hub_->post(QStringLiteral("/v1/operations"), skipsSigning, token_, key);
        QCOMPARE(refused.status, 422);
        QCOMPARE(errorCode(refused), QStringLiteral("transition-not-allowed"));
        const QJsonObject error = refused.json.value("error").toObject();
        QCOMPARE(error.value("details").toObject(),
                 (QJsonObject{{"from", "captured"}, {"to", "awaiting_review"}}));
        QVERIFY(!error.value("message_vi").toString().isEmpty());
        const HubReply replay =
            hub_->post(QStringLiteral("/v1/operations"), skipsSigning, token_, key);
        QVERIFY(replay.replay);
        QCOMPARE(replay.json, refused.json);

        const HubReply wrongStatus = hub_->post(
            QStringLiteral("/v1/operations"),
            transitionBody(dossier, 1, QStringLiteral("sign"), QStringLiteral("signed"), 4), token_,
            newUuid());
        QCOMPARE(wrongStatus.status, 422);
        QCOMPARE(errorCode(wrongStatus), QStringLiteral("validation-failed"));
        QCOMPARE(count("SELECT version FROM dossiers WHERE uuid = $1::uuid", dossier.toStdString()),
                 1);

        const HubReply signedReply = hub_->post(
            QStringLiteral("/v1/operations"),
            transitionBody(dossier, 1, QStringLiteral("sign"), QStringLiteral("signed"), 2), token_,
            newUuid());
        QCOMPARE(signedReply.status, 200);
        QCOMPARE(signedReply.json.value("receipt").toObject().value("state").toString(),
                 QStringLiteral("signed"));
        QCOMPARE(hub_->post(QStringLiteral("/v1/operations"),
                            transitionBody(dossier, 2, QStringLiteral("withdraw"),
                                           QStringLiteral("withdrawn"), 7),
                            token_, newUuid())
                     .status,
                 200);
        const auto held = database_->exec(
            "SELECT state, national_status, version, payload->'progress' FROM dossiers "
            "WHERE uuid = $1",
            {dossier.toStdString()});
        QCOMPARE(held.text(0, 0), std::string("withdrawn"));
        QCOMPARE(held.text(0, 1), std::string("7"));
        QCOMPARE(held.text(0, 2), std::string("3"));
        const QJsonArray progress =
            QJsonDocument::fromJson(QByteArray::fromStdString(held.text(0, 3))).array();
        QCOMPARE(progress.size(), 2);
        QCOMPARE(progress.at(0).toObject().value("transition").toString(), QStringLiteral("sign"));
        QCOMPARE(progress.at(1).toObject().value("national_status").toInt(), 7);
        QCOMPARE(progress.at(1).toObject().value("officer_name").toString(),
                 QStringLiteral("Nguyễn Thị Lan"));

        // Withdrawn is final.
        QCOMPARE(errorCode(hub_->post(QStringLiteral("/v1/operations"),
                                      transitionBody(dossier, 3,
                                                     QStringLiteral("resume_after_supplement"),
                                                     QStringLiteral("draft"), 2),
                                      token_, newUuid())),
                 QStringLiteral("transition-not-allowed"));
    }

    void duplicatesRacingEachOtherApplyOnce()
    {
        const QString dossier = newUuid();
        const QString key = newUuid();
        const std::vector<HubReply> replies =
            hub_->postConcurrently(QStringLiteral("/v1/operations"),
                                   operationBody(dossier, 0, QStringLiteral("dossier.create"),
                                                 QStringLiteral("000.00.00.H26-261205-0003"), 2),
                                   token_, key, 12);
        int fresh = 0;
        for (const HubReply& reply : replies) {
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.json.value("version").toInt(), 1);
            fresh += reply.replay ? 0 : 1;
        }
        QCOMPARE(fresh, 1);
        QCOMPARE(count("SELECT count(*) FROM operations WHERE dossier_uuid = $1::uuid",
                       dossier.toStdString()),
                 1);
    }

    void badRequestsAreRefusedWithAReason()
    {
        const QByteArray body = operationBody(newUuid(), 0, QStringLiteral("dossier.create"),
                                              QStringLiteral("000.00.00.H26-261205-0004"), 2);
        const auto code = &errorCode;
        QCOMPARE(code(hub_->post(QStringLiteral("/v1/operations"), body, token_, {})),
                 QStringLiteral("idempotency-key-invalid"));
        QCOMPARE(code(hub_->post(QStringLiteral("/v1/operations"), body, {}, newUuid())),
                 QStringLiteral("token-missing"));
        QCOMPARE(code(hub_->post(QStringLiteral("/v1/operations"), body, token_ + 'x', newUuid())),
                 QStringLiteral("token-invalid"));
        const HubReply malformed = hub_->post(QStringLiteral("/v1/operations"),
                                              "{\"base_version\": 0}", token_, newUuid());
        QCOMPARE(malformed.status, 400);
        QCOMPARE(code(malformed), QStringLiteral("malformed-request"));
        QCOMPARE(code(hub_->post(QStringLiteral("/v1/operations"),
                                 operationBody(newUuid(), 0, QStringLiteral("dossier.create"),
                                               QStringLiteral("000.00.00.H26-261205-0005"), 11),
                                 token_, newUuid())),
                 QStringLiteral("validation-failed"));
        QCOMPARE(code(hub_->post(QStringLiteral("/v1/operations"),
                                 operationBody(newUuid(), 0, QStringLiteral("dossier.merge"),
                                               QStringLiteral("000.00.00.H26-261205-0005"), 2),
                                 token_, newUuid())),
                 QStringLiteral("operation-unknown"));
    }

    // A component's files must be on the hub before it is attached; until then the refusal
    // names them and is not kept with the key, so the same request can succeed later.
    void attachingNeedsTheFilesFirst()
    {
        const QString dossier = newUuid();
        const QString code = QStringLiteral("000.00.00.H26-261205-0007");
        QCOMPARE(hub_->post(QStringLiteral("/v1/operations"),
                            operationBody(dossier, 0, QStringLiteral("dossier.create"), code, 2),
                            token_, newUuid())
                     .status,
                 200);
        const QString sha256 = QString(64, QLatin1Char('a'));
        const QByteArray attach =
            attachBody(dossier, 1, sha256, 10, code + QStringLiteral(".01.pdf"));
        const QString key = newUuid();
        for (int attempt = 0; attempt < 2; ++attempt) {
            const HubReply missing =
                hub_->post(QStringLiteral("/v1/operations"), attach, token_, key);
            QCOMPARE(missing.status, 422);
            QVERIFY(!missing.replay);
            QCOMPARE(missing.errorCode(), QStringLiteral("file-not-uploaded"));
            QCOMPARE(
                missing.json.value("error").toObject().value("details").toObject().value("missing"),
                QJsonValue(QJsonArray{sha256}));
        }
        QCOMPARE(count("SELECT count(*) FROM operations WHERE idempotency_key = $1::uuid",
                       key.toStdString()),
                 0);
    }

    void onlyADevHubAcceptsTestData()
    {
        const QByteArray testDossier =
            operationBody(newUuid(), 0, QStringLiteral("dossier.create"),
                          QStringLiteral("000.00.00.H26-261205-0006"), 2, true);
        const QString production = hub_->startProductionHub();
        const HubReply refused = hub_->post(QStringLiteral("/v1/operations"), testDossier, token_,
                                            newUuid(), production);
        QCOMPARE(refused.status, 403);
        QCOMPARE(errorCode(refused), QStringLiteral("test-data-refused"));
        QCOMPARE(
            hub_->post(QStringLiteral("/v1/operations"), testDossier, token_, newUuid()).status,
            200);
    }

    void cleanupTestCase()
    {
        database_.reset();
        hub_.reset();
    }
};

QTEST_MAIN(TestHubOperations)
#include "test_hub_operations.moc"
