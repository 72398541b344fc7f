// SPDX-License-Identifier: GPL-3.0-or-later
// POST /v1/operations against a real hub and PostgreSQL: each operation applied exactly once
// (replays get the stored answer, duplicates racing each other apply once), in order (a stale
// base version is refused with the current one), test data refused by a production hub only.
#include "DevHub.h"
#include "server/PgConnection.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using sohoa::testing::DevHub;
using sohoa::testing::HubReply;

namespace {

QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// An operation as the workstation's outbox sends it (docs/SYNC-PROTOCOL.md §5.2): create
// carries the dossier record, a transition the new state and national status.
QByteArray operation(const QString& dossierUuid, int baseVersion, const QString& kind,
                     const QString& code, int nationalStatus, bool testData = false)
{
    QJsonObject payload{{"test_data", testData}};
    if (kind == QLatin1String("dossier.transition")) {
        payload.insert(QStringLiteral("transition"), QStringLiteral("submit_for_review"));
        payload.insert(QStringLiteral("to_state"), QStringLiteral("awaiting_review"));
        payload.insert(QStringLiteral("national_status"), nationalStatus);
    } else {
        payload.insert(QStringLiteral("dossier"),
                       QJsonObject{{"code", code},
                                   {"agency_code", "000.00.00.H26"},
                                   {"procedure_code", "1.001193"},
                                   {"procedure_name", "Đăng ký khai sinh"},
                                   {"channel", 1},
                                   {"received_at", "20261205090000"},
                                   {"state", "captured"},
                                   {"national_status", nationalStatus}});
    }
    return QJsonDocument(QJsonObject{{"dossier_uuid", dossierUuid},
                                     {"base_version", baseVersion},
                                     {"operation", kind},
                                     {"recorded_at", "2026-12-05T09:00:00+07:00"},
                                     {"payload", payload}})
        .toJson(QJsonDocument::Compact);
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
        QFile::setPermissions(dir_.path(), QFile::permissions(dir_.path()) | QFile::ExeOther);
        hub_ = std::make_unique<DevHub>(dir_.filePath(QStringLiteral("hub")));
        hub_->start();
        QByteArray output;
        QCOMPARE(
            hub_->admin({QStringLiteral("add-workstation"), QStringLiteral("quay-1")}, &output), 0);
        token_ = QString::fromUtf8(output.trimmed().split('\n').last());
        database_ = std::make_unique<sohoa::hub::PgConnection>(hub_->conninfo().toStdString());
    }

    void aReplayGetsTheStoredAnswer()
    {
        const QString dossier = newKey();
        const QString key = newKey();
        const QByteArray body = operation(dossier, 0, QStringLiteral("dossier.create"),
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
                       operation(dossier, 1, QStringLiteral("dossier.update"),
                                 QStringLiteral("000.00.00.H26-261205-0001"), 4),
                       token_, key);
        QCOMPARE(reused.status, 422);
        QCOMPARE(reused.errorCode(), QStringLiteral("idempotency-key-reused"));
    }

    void operationsApplyInOrderAndStaleOnesAreRefused()
    {
        const QString dossier = newKey();
        const QString code = QStringLiteral("000.00.00.H26-261205-0002");
        QCOMPARE(hub_->post(QStringLiteral("/v1/operations"),
                            operation(dossier, 0, QStringLiteral("dossier.create"), code, 2),
                            token_, newKey())
                     .json.value("version")
                     .toInt(),
                 1);
        QCOMPARE(hub_->post(QStringLiteral("/v1/operations"),
                            operation(dossier, 1, QStringLiteral("dossier.transition"), code, 4),
                            token_, newKey())
                     .json.value("version")
                     .toInt(),
                 2);
        const HubReply stale = hub_->post(
            QStringLiteral("/v1/operations"),
            operation(dossier, 1, QStringLiteral("dossier.update"), code, 5), token_, newKey());
        QCOMPARE(stale.status, 409);
        const QJsonObject error = stale.json.value("error").toObject();
        QCOMPARE(error.value("code").toString(), QStringLiteral("stale-version"));
        QCOMPARE(error.value("details").toObject().value("current_version").toInt(), 2);
        QCOMPARE(
            error.value("details").toObject().value("current").toObject().value("state").toString(),
            QStringLiteral("awaiting_review"));
        QVERIFY(!error.value("message_vi").toString().isEmpty());
        const auto held = database_->exec(
            "SELECT state, national_status, payload->>'procedure_code' FROM dossiers "
            "WHERE uuid = $1",
            {dossier.toStdString()});
        QCOMPARE(held.text(0, 0), std::string("awaiting_review"));
        QCOMPARE(held.text(0, 1), std::string("4"));
        QCOMPARE(held.text(0, 2), std::string("1.001193"));

        // Another dossier may not take the code.
        const HubReply taken = hub_->post(
            QStringLiteral("/v1/operations"),
            operation(newKey(), 0, QStringLiteral("dossier.create"), code, 2), token_, newKey());
        QCOMPARE(taken.status, 409);
        QCOMPARE(taken.errorCode(), QStringLiteral("dossier-code-taken"));

        // Only the workstation that created a dossier may change it.
        QByteArray output;
        QCOMPARE(
            hub_->admin({QStringLiteral("add-workstation"), QStringLiteral("quay-2")}, &output), 0);
        const QString other = QString::fromUtf8(output.trimmed().split('\n').last());
        QCOMPARE(hub_->post(QStringLiteral("/v1/operations"),
                            operation(dossier, 2, QStringLiteral("dossier.transition"), code, 4),
                            other, newKey())
                     .errorCode(),
                 QStringLiteral("dossier-not-owned"));
        QCOMPARE(hub_->post(QStringLiteral("/v1/operations"),
                            operation(newKey(), 0, QStringLiteral("dossier.transition"), code, 4),
                            token_, newKey())
                     .errorCode(),
                 QStringLiteral("dossier-unknown"));
    }

    void duplicatesRacingEachOtherApplyOnce()
    {
        const QString dossier = newKey();
        const QString key = newKey();
        const std::vector<HubReply> replies =
            hub_->postConcurrently(QStringLiteral("/v1/operations"),
                                   operation(dossier, 0, QStringLiteral("dossier.create"),
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
        const QByteArray body = operation(newKey(), 0, QStringLiteral("dossier.create"),
                                          QStringLiteral("000.00.00.H26-261205-0004"), 2);
        const auto code = [](const HubReply& reply) { return reply.errorCode(); };
        QCOMPARE(code(hub_->post(QStringLiteral("/v1/operations"), body, token_, {})),
                 QStringLiteral("idempotency-key-invalid"));
        QCOMPARE(code(hub_->post(QStringLiteral("/v1/operations"), body, {}, newKey())),
                 QStringLiteral("token-missing"));
        QCOMPARE(code(hub_->post(QStringLiteral("/v1/operations"), body, token_ + 'x', newKey())),
                 QStringLiteral("token-invalid"));
        const HubReply malformed =
            hub_->post(QStringLiteral("/v1/operations"), "{\"base_version\": 0}", token_, newKey());
        QCOMPARE(malformed.status, 400);
        QCOMPARE(code(malformed), QStringLiteral("malformed-request"));
        QCOMPARE(code(hub_->post(QStringLiteral("/v1/operations"),
                                 operation(newKey(), 0, QStringLiteral("dossier.create"),
                                           QStringLiteral("000.00.00.H26-261205-0005"), 11),
                                 token_, newKey())),
                 QStringLiteral("validation-failed"));
        QCOMPARE(code(hub_->post(QStringLiteral("/v1/operations"),
                                 operation(newKey(), 0, QStringLiteral("dossier.merge"),
                                           QStringLiteral("000.00.00.H26-261205-0005"), 2),
                                 token_, newKey())),
                 QStringLiteral("operation-unknown"));
    }

    // A component's files must be on the hub before it is attached; until then the refusal
    // names them and is not kept with the key, so the same request can succeed later.
    void attachingNeedsTheFilesFirst()
    {
        const QString dossier = newKey();
        const QString code = QStringLiteral("000.00.00.H26-261205-0007");
        QCOMPARE(hub_->post(QStringLiteral("/v1/operations"),
                            operation(dossier, 0, QStringLiteral("dossier.create"), code, 2),
                            token_, newKey())
                     .status,
                 200);
        const QString sha256 = QString(64, QLatin1Char('a'));
        const QByteArray attach =
            QJsonDocument(
                QJsonObject{{"dossier_uuid", dossier},
                            {"base_version", 1},
                            {"operation", "component.attach"},
                            {"recorded_at", "2026-12-05T09:00:00+07:00"},
                            {"payload",
                             QJsonObject{{"test_data", false},
                                         {"component",
                                          QJsonObject{{"code", "TP1"},
                                                      {"documents",
                                                       QJsonArray{QJsonObject{
                                                           {"sha256", sha256},
                                                           {"size", 10},
                                                           {"file_name", code + ".01.pdf"}}}}}}}}})
                .toJson(QJsonDocument::Compact);
        const QString key = newKey();
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
            operation(newKey(), 0, QStringLiteral("dossier.create"),
                      QStringLiteral("000.00.00.H26-261205-0006"), 2, true);
        const QString production = hub_->startProductionHub();
        const HubReply refused =
            hub_->post(QStringLiteral("/v1/operations"), testDossier, token_, newKey(), production);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), QStringLiteral("test-data-refused"));
        QCOMPARE(hub_->post(QStringLiteral("/v1/operations"), testDossier, token_, newKey()).status,
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
