// SPDX-License-Identifier: GPL-3.0-or-later
// Dossier codes on a real hub and PostgreSQL (docs/SYNC-PROTOCOL.md §8): blocks reserved per
// workstation from one master counter per agency and day — never overlapping, also when
// workstations ask at once — exactly once per Idempotency-Key, only for the workstation's
// agency; a provisional dossier.create gets the next number of its day, and later operations
// naming the provisional code are mapped to it; a definitive code outside the workstation's
// blocks is refused.
#include "DevHub.h"
#include "OperationBody.h"
#include "server/PgConnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <algorithm>

using sohoa::testing::DevHub;
using sohoa::testing::HubReply;
using sohoa::testing::HubRequest;
using sohoa::testing::newUuid;
using sohoa::testing::operationBody;

namespace {

const QString kAgency = QStringLiteral("000.00.00.H26");

QByteArray reservation(const QString& agency, const QString& firstDay, int days, int size)
{
    return QJsonDocument(QJsonObject{{"agency_code", agency},
                                     {"first_day", firstDay},
                                     {"days", days},
                                     {"size", size}})
        .toJson(QJsonDocument::Compact);
}

// A dossier.create under a provisional code.
QByteArray provisionalCreate(const QString& dossier, const QString& code)
{
    QJsonObject body = QJsonDocument::fromJson(
                           operationBody(dossier, 0, QStringLiteral("dossier.create"), code, 2))
                           .object();
    QJsonObject payload = body.value("payload").toObject();
    payload.insert(QStringLiteral("code_provisional"), true);
    body.insert(QStringLiteral("payload"), payload);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

class TestHubCodeBlocks : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<DevHub> hub_;
    QString token_;
    std::unique_ptr<sohoa::hub::PgConnection> database_;

    HubReply reserve(const QByteArray& body, const QString& key, const QString& token = {})
    {
        return hub_->post(QStringLiteral("/v1/code-blocks"), body, token.isEmpty() ? token_ : token,
                          key);
    }

    HubReply create(const QByteArray& body)
    {
        return hub_->post(QStringLiteral("/v1/operations"), body, token_, newUuid());
    }

private slots:
    void initTestCase()
    {
        hub_ = DevHub::startIn(dir_);
        token_ = hub_->addWorkstation(QStringLiteral("quay-1"), kAgency);
        database_ = std::make_unique<sohoa::hub::PgConnection>(hub_->conninfo().toStdString());
    }

    void blocksAreGrantedPerDayAndAReplayGetsTheSameOnes()
    {
        const QString key = newUuid();
        const QByteArray body = reservation(kAgency, QStringLiteral("2026-11-02"), 2, 50);
        const HubReply first = reserve(body, key);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json.value("sequence_width").toInt(), 4);
        const QJsonArray blocks = first.json.value("blocks").toArray();
        QCOMPARE(blocks.size(), 2);
        QCOMPARE(blocks.at(0).toObject().value("day").toString(), QStringLiteral("2026-11-02"));
        QCOMPARE(blocks.at(1).toObject().value("day").toString(), QStringLiteral("2026-11-03"));
        for (const QJsonValue& block : blocks) {
            QCOMPARE(block.toObject().value("agency_code").toString(), kAgency);
            QCOMPARE(block.toObject().value("first").toInt(), 1);
            QCOMPARE(block.toObject().value("last").toInt(), 50);
            QVERIFY(block.toObject().value("block_id").toString().startsWith("cb_"));
        }

        const HubReply again = reserve(body, key);
        QCOMPARE(again.status, 200);
        QVERIFY(again.replay);
        QCOMPARE(again.json, first.json);
        QCOMPARE(database_->exec("SELECT count(*) FROM code_blocks").integer(0, 0), 2);
        // The next reservation continues the day's sequence.
        const QJsonArray next =
            reserve(reservation(kAgency, QStringLiteral("2026-11-02"), 1, 10), newUuid())
                .json.value("blocks")
                .toArray();
        QCOMPARE(next.at(0).toObject().value("first").toInt(), 51);
        QCOMPARE(next.at(0).toObject().value("last").toInt(), 60);

        // The same key for another reservation is a client bug, not a replay.
        const HubReply reused =
            reserve(reservation(kAgency, QStringLiteral("2026-11-02"), 1, 5), key);
        QCOMPARE(reused.status, 422);
        QCOMPARE(reused.errorCode(), QStringLiteral("idempotency-key-reused"));
    }

    // Two workstations of one agency, eight reservations each, all at once: every number of
    // each day goes to exactly one block.
    void concurrentReservationsNeverOverlap()
    {
        const QString other = hub_->addWorkstation(QStringLiteral("quay-2"), kAgency);
        std::vector<HubRequest> calls;
        for (int i = 0; i < 16; ++i)
            calls.push_back(
                DevHub::postCall(QStringLiteral("/v1/code-blocks"),
                                 reservation(kAgency, QStringLiteral("2026-11-10"), 3, 37),
                                 i % 2 ? other : token_, newUuid()));
        const std::vector<HubReply> replies = hub_->requestAll(calls);
        QHash<QString, std::vector<std::pair<int, int>>> byDay;
        for (const HubReply& reply : replies) {
            QCOMPARE(reply.status, 200);
            for (const QJsonValue& value : reply.json.value("blocks").toArray()) {
                const QJsonObject block = value.toObject();
                byDay[block.value("day").toString()].emplace_back(block.value("first").toInt(),
                                                                  block.value("last").toInt());
            }
        }
        QCOMPARE(byDay.size(), 3);
        for (auto& ranges : byDay) {
            QCOMPARE(ranges.size(), std::size_t{16});
            std::sort(ranges.begin(), ranges.end());
            int expected = 1;
            for (const auto& [first, last] : ranges) {
                QCOMPARE(first, expected); // no gap, no overlap
                QCOMPARE(last, first + 36);
                expected = last + 1;
            }
        }
        QCOMPARE(database_->exec("SELECT last_sequence FROM code_counters WHERE day = '2026-11-10'")
                     .integer(0, 0),
                 16 * 37);
    }

    void onlyTheWorkstationsAgencyAndSaneSizes()
    {
        const QString key = newUuid();
        const HubReply refused = reserve(
            reservation(QStringLiteral("000.00.53.H48"), QStringLiteral("2026-11-02"), 1, 5), key);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), QStringLiteral("agency-not-allowed"));
        // Not kept with the key: the province may register the workstation later.
        QCOMPARE(database_
                     ->exec("SELECT count(*) FROM operations WHERE idempotency_key = $1::uuid",
                            {key.toStdString()})
                     .integer(0, 0),
                 0);
        const QString unregistered = hub_->addWorkstation(QStringLiteral("quay-3"));
        QCOMPARE(reserve(reservation(kAgency, QStringLiteral("2026-11-02"), 1, 5), newUuid(),
                         unregistered)
                     .errorCode(),
                 QStringLiteral("agency-not-allowed"));
        for (const auto& [days, size] :
             {std::pair{0, 5}, std::pair{15, 5}, std::pair{1, 0}, std::pair{1, 1001}})
            QCOMPARE(
                reserve(reservation(kAgency, QStringLiteral("2026-11-02"), days, size), newUuid())
                    .errorCode(),
                QStringLiteral("malformed-request"));
        QCOMPARE(reserve(reservation(kAgency, QStringLiteral("2026-13-02"), 1, 5), newUuid())
                     .errorCode(),
                 QStringLiteral("malformed-request"));
        QCOMPARE(reserve(reservation(kAgency, QStringLiteral("2026-11-02"), 1, 5), {}).errorCode(),
                 QStringLiteral("idempotency-key-invalid"));
    }

    // The hub replaces a provisional code with the next number of the agency's day, which no
    // block holds; the workstation's later rows that still name the provisional code in their
    // file names are stored under the assigned one.
    void aProvisionalCodeGetsTheNextNumberOfItsDay()
    {
        const QJsonArray block =
            reserve(reservation(kAgency, QStringLiteral("2026-11-20"), 1, 20), newUuid())
                .json.value("blocks")
                .toArray();
        QCOMPARE(block.at(0).toObject().value("last").toInt(), 20);

        const QString dossier = newUuid();
        const QString provisional = QStringLiteral("000.00.00.H26-261120-P0001");
        const HubReply created = create(provisionalCreate(dossier, provisional));
        QCOMPARE(created.status, 200);
        const QJsonObject receipt = created.json.value("receipt").toObject();
        const QString assigned = QStringLiteral("000.00.00.H26-261120-0021");
        QCOMPARE(receipt.value("dossier_code").toString(), assigned);
        QCOMPARE(receipt.value("code_replaced").toObject(),
                 (QJsonObject{{"provisional", provisional}, {"assigned", assigned}}));
        // Another workstation's provisional P0001 of the same day is another dossier.
        const HubReply second = create(provisionalCreate(newUuid(), provisional));
        QCOMPARE(second.json.value("receipt").toObject().value("dossier_code").toString(),
                 QStringLiteral("000.00.00.H26-261120-0022"));
        const auto held = database_->exec(
            "SELECT code, provisional_code, payload->>'code' FROM dossiers WHERE uuid = $1",
            {dossier.toStdString()});
        QCOMPARE(held.text(0, 0), assigned.toStdString());
        QCOMPARE(held.text(0, 1), provisional.toStdString());
        QCOMPARE(held.text(0, 2), assigned.toStdString());

        // A component attached under the provisional file name: the hub holds the file (as
        // after an upload) and keeps the name under the assigned code.
        const QString sha256 = QString(64, QLatin1Char('b'));
        database_->exec("INSERT INTO files(sha256, length) VALUES (decode($1, 'hex'), 10)",
                        {sha256.toStdString()});
        const QJsonObject attach{
            {"dossier_uuid", dossier},
            {"base_version", 1},
            {"operation", "component.attach"},
            {"recorded_at", "2026-11-20T09:00:00+07:00"},
            {"payload",
             QJsonObject{
                 {"test_data", false},
                 {"component",
                  QJsonObject{{"code", "TP1"},
                              {"documents", QJsonArray{QJsonObject{
                                                {"sha256", sha256},
                                                {"size", 10},
                                                {"file_name", provisional + ".01.pdf"}}}}}}}}};
        QCOMPARE(create(QJsonDocument(attach).toJson(QJsonDocument::Compact)).status, 200);
        QCOMPARE(database_
                     ->exec("SELECT payload->'components'->0->'documents'->0->>'file_name' "
                            "FROM dossiers WHERE uuid = $1",
                            {dossier.toStdString()})
                     .text(0, 0),
                 (assigned + ".01.pdf").toStdString());

        // The flag must match the code's form.
        QCOMPARE(
            create(operationBody(newUuid(), 0, QStringLiteral("dossier.create"), provisional, 2))
                .errorCode(),
            QStringLiteral("validation-failed"));
    }

    void aDefinitiveCodeMustBeInTheWorkstationsBlock()
    {
        reserve(reservation(kAgency, QStringLiteral("2026-11-25"), 1, 5), newUuid());
        QCOMPARE(create(operationBody(newUuid(), 0, QStringLiteral("dossier.create"),
                                      QStringLiteral("000.00.00.H26-261125-0005"), 2))
                     .status,
                 200);
        for (const QString& code : {QStringLiteral("000.00.00.H26-261125-0006"),
                                    QStringLiteral("000.00.00.H26-261126-0001")}) {
            const QString key = newUuid();
            const QByteArray body =
                operationBody(newUuid(), 0, QStringLiteral("dossier.create"), code, 2);
            const HubReply refused =
                hub_->post(QStringLiteral("/v1/operations"), body, token_, key);
            QCOMPARE(refused.status, 422);
            QCOMPARE(refused.errorCode(), QStringLiteral("dossier-code-not-reserved"));
            QVERIFY(
                !refused.json.value("error").toObject().value("message_vi").toString().isEmpty());
            // Final: kept with the key.
            QVERIFY(hub_->post(QStringLiteral("/v1/operations"), body, token_, key).replay);
        }
        // Another workstation's block is not this one's.
        const QString other = hub_->addWorkstation(QStringLiteral("quay-4"), kAgency);
        const QJsonArray theirs =
            reserve(reservation(kAgency, QStringLiteral("2026-11-25"), 1, 5), newUuid(), other)
                .json.value("blocks")
                .toArray();
        const int theirFirst = theirs.at(0).toObject().value("first").toInt();
        QCOMPARE(create(operationBody(newUuid(), 0, QStringLiteral("dossier.create"),
                                      QStringLiteral("000.00.00.H26-261125-%1")
                                          .arg(theirFirst, 4, 10, QLatin1Char('0')),
                                      2))
                     .errorCode(),
                 QStringLiteral("dossier-code-not-reserved"));
        // Nor may it create dossiers of an agency it is not registered for.
        QCOMPARE(create(operationBody(newUuid(), 0, QStringLiteral("dossier.create"),
                                      QStringLiteral("000.00.53.H48-261125-0001"), 2))
                     .errorCode(),
                 QStringLiteral("agency-not-allowed"));
        QCOMPARE(create(operationBody(newUuid(), 0, QStringLiteral("dossier.create"),
                                      QStringLiteral("000.00.00.H26-261125-L1"), 2))
                     .errorCode(),
                 QStringLiteral("malformed-request"));
    }

    void cleanupTestCase()
    {
        database_.reset();
        hub_.reset();
    }
};

QTEST_MAIN(TestHubCodeBlocks)
#include "test_hub_code_blocks.moc"
