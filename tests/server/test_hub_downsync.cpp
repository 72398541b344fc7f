// SPDX-License-Identifier: GPL-3.0-or-later
// Down-sync against a real hub and PostgreSQL (docs/SYNC-PROTOCOL.md §7.3): `sohoa-hub admin
// decide` moves the hub's copy of a dossier on like the lifecycle (refusing a decision its state
// does not allow), and GET /v1/returned-dossiers gives each workstation the decisions on its
// own dossiers only, page by page behind an opaque cursor. `admin settings set` stores the
// province's settings as a new revision, which GET /v1/settings serves whole (§7.2).
#include "DevHub.h"
#include "OperationBody.h"
#include "server/PgConnection.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using sohoa::testing::DevHub;
using sohoa::testing::HubReply;
using sohoa::testing::newUuid;
using sohoa::testing::operationBody;
using sohoa::testing::transitionBody;

namespace {

const QString kAgency = QStringLiteral("000.00.00.H26");
const QString kOperations = QStringLiteral("/v1/operations");

} // namespace

class TestHubDownsync : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<DevHub> hub_;
    QString token_;
    QString otherToken_;

    // A dossier the workstation of `token` creates under `code`; its UUID.
    QString create(const QString& token, const QString& code)
    {
        const QString uuid = newUuid();
        const HubReply created = hub_->post(
            kOperations, operationBody(uuid, 0, QStringLiteral("dossier.create"), code, 2), token,
            newUuid());
        if (created.status != 200)
            qFatal("dossier.create refused: %s", created.body.constData());
        return uuid;
    }

    int decide(const QString& code, const QString& decision, QByteArray* output = nullptr)
    {
        return hub_->admin({QStringLiteral("decide"), code, decision, QStringLiteral("--by"),
                            QStringLiteral("Trần Văn Bình"), QStringLiteral("--title"),
                            QStringLiteral("Trưởng phòng"), QStringLiteral("--remarks"),
                            QStringLiteral("Trang 2 bị mờ, quét lại")},
                           output);
    }

    QJsonObject feed(const QString& query, const QString& token)
    {
        const HubReply reply = hub_->get(QStringLiteral("/v1/returned-dossiers") + query, token);
        if (reply.status != 200)
            qFatal("feed refused: %s", reply.body.constData());
        return reply.json;
    }

private slots:
    void initTestCase()
    {
        hub_ = DevHub::startIn(dir_);
        token_ = hub_->addWorkstation(QStringLiteral("quay-1"), kAgency);
        otherToken_ = hub_->addWorkstation(QStringLiteral("quay-2"), kAgency);
        hub_->reserveCodes(token_, kAgency, QDate(2026, 12, 5), 1, 10);
        hub_->reserveCodes(otherToken_, kAgency, QDate(2026, 12, 6), 1, 10);
    }

    // The supervisor returns a dossier under review: the hub's copy is returned, one version
    // on, so the workstation's next row on its old version is stale.
    void aDecisionMovesTheHubsCopyOn()
    {
        const QString code = QStringLiteral("000.00.00.H26-261205-0001");
        const QString uuid = create(token_, code);
        // Signed and submitted for review at the counter: versions 2 and 3.
        QCOMPARE(
            hub_->post(kOperations,
                       transitionBody(uuid, 1, QStringLiteral("sign"), QStringLiteral("signed"), 2),
                       token_, newUuid())
                .status,
            200);
        QCOMPARE(hub_->post(kOperations,
                            transitionBody(uuid, 2, QStringLiteral("submit_for_review"),
                                           QStringLiteral("awaiting_review"), 2),
                            token_, newUuid())
                     .status,
                 200);
        QByteArray output;
        QCOMPARE(decide(code, QStringLiteral("return"), &output), 0);
        const QJsonObject item =
            QJsonDocument::fromJson(output.trimmed().split('\n').last()).object();
        QCOMPARE(item.value("version").toInt(), 4);
        QCOMPARE(item.value("decision").toString(), QStringLiteral("return_to_officer"));
        QCOMPARE(item.value("state").toString(), QStringLiteral("returned"));

        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        const auto held =
            database.exec("SELECT version, state, national_status, payload->>'state' FROM dossiers "
                          "WHERE uuid = $1::uuid",
                          {uuid.toStdString()});
        QCOMPARE(held.integer(0, 0), 4);
        QCOMPARE(held.text(0, 1), std::string("returned"));
        QCOMPARE(held.integer(0, 2), 2);
        QCOMPARE(held.text(0, 3), std::string("returned"));
        const HubReply stale = hub_->post(
            kOperations, operationBody(uuid, 3, QStringLiteral("dossier.update"), code, 2), token_,
            newUuid());
        QCOMPARE(stale.status, 409);
        QCOMPARE(stale.json.value("error").toObject().value("details").toObject().value(
                     "current_version"),
                 4);
    }

    // Only what the lifecycle allows from the hub's state; unknown dossiers and decisions are
    // refused without changing anything.
    void aDecisionTheStateDoesNotAllowIsRefused()
    {
        const QString code = QStringLiteral("000.00.00.H26-261205-0002");
        create(token_, code);
        QByteArray output;
        QVERIFY(decide(code, QStringLiteral("approve"), &output) != 0);
        QVERIFY2(output.contains("does not allow"), output.constData());
        QVERIFY(decide(QStringLiteral("000.00.00.H26-261205-0099"), QStringLiteral("return")) != 0);
        QCOMPARE(decide(code, QStringLiteral("bless")), 2);
        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        QCOMPARE(database
                     .exec("SELECT count(*) FROM hub_decisions h JOIN dossiers d "
                           "ON d.uuid = h.dossier_uuid WHERE d.code = $1",
                           {code.toStdString()})
                     .integer(0, 0),
                 0);
    }

    // Each workstation reads the decisions on its own dossiers, in pages behind the cursor.
    void theFeedIsPerWorkstationAndPaged()
    {
        const QString mine = QStringLiteral("000.00.00.H26-261205-0003");
        const QString theirs = QStringLiteral("000.00.00.H26-261206-0001");
        create(token_, mine);
        create(otherToken_, theirs);
        QCOMPARE(decide(mine, QStringLiteral("request-supplement")), 0);
        QCOMPARE(decide(theirs, QStringLiteral("request-supplement")), 0);

        const QJsonObject all = feed({}, token_);
        const QJsonArray items = all.value("items").toArray();
        QCOMPARE(items.size(), 2);
        QVERIFY(!all.value("has_more").toBool());
        const QJsonObject last = items.at(1).toObject();
        QCOMPARE(last.value("dossier_code").toString(), mine);
        QCOMPARE(last.value("decision").toString(), QStringLiteral("request_supplement"));
        QCOMPARE(last.value("state").toString(), QStringLiteral("supplement_requested"));
        QCOMPARE(last.value("national_status").toInt(), 5);
        QCOMPARE(last.value("version").toInt(), 2);
        QCOMPARE(last.value("remarks").toString(), QStringLiteral("Trang 2 bị mờ, quét lại"));
        QCOMPARE(last.value("decided_by").toObject().value("officer_name").toString(),
                 QStringLiteral("Trần Văn Bình"));
        QVERIFY2(last.value("decided_at").toString().endsWith(QStringLiteral("+07:00")),
                 qPrintable(last.value("decided_at").toString()));

        const QJsonObject first = feed(QStringLiteral("?limit=1"), token_);
        QCOMPARE(first.value("items").toArray().size(), 1);
        QVERIFY(first.value("has_more").toBool());
        const QJsonObject second =
            feed(QStringLiteral("?limit=1&since=") + first.value("next_cursor").toString(), token_);
        QCOMPARE(second.value("items").toArray().first().toObject().value("dossier_code"),
                 QJsonValue(mine));
        QVERIFY(!second.value("has_more").toBool());
        const QJsonObject after =
            feed(QStringLiteral("?since=") + second.value("next_cursor").toString(), token_);
        QVERIFY(after.value("items").toArray().isEmpty());
        QCOMPARE(after.value("next_cursor"), second.value("next_cursor"));

        const QJsonArray others = feed({}, otherToken_).value("items").toArray();
        QCOMPARE(others.size(), 1);
        QCOMPARE(others.first().toObject().value("dossier_code").toString(), theirs);
    }

    void settingsAreServedByRevision()
    {
        QCOMPARE(hub_->get(QStringLiteral("/v1/settings"), token_).json.value("unchanged"),
                 QJsonValue(true));
        const QString file = dir_.filePath(QStringLiteral("settings.json"));
        const auto write = [&](const QByteArray& json) {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(json);
        };
        write(R"({"holidays": ["2026-09-02"], "sync": {"bandwidth_kbps": 512}})");
        QCOMPARE(hub_->admin({QStringLiteral("settings"), QStringLiteral("set"), file}), 0);
        const QJsonObject answer = hub_->get(QStringLiteral("/v1/settings"), token_).json;
        const int revision = answer.value("revision").toInt();
        QVERIFY(!answer.value("unchanged").toBool());
        const QJsonObject pushed = answer.value("settings").toObject();
        QVERIFY(revision > 0);
        QCOMPARE(pushed.value("holidays").toArray().first().toString(),
                 QStringLiteral("2026-09-02"));
        QCOMPARE(pushed.value("sync").toObject().value("bandwidth_kbps").toInt(), 512);
        const QJsonObject same =
            hub_->get(QStringLiteral("/v1/settings?since=%1").arg(revision), token_).json;
        QVERIFY(same.value("unchanged").toBool());

        write(R"({"holidays": ["2/9"]})");
        QVERIFY(hub_->admin({QStringLiteral("settings"), QStringLiteral("set"), file}) != 0);
        QCOMPARE(hub_->get(QStringLiteral("/v1/settings?since=%1").arg(revision), token_)
                     .json.value("unchanged"),
                 QJsonValue(true));
        QCOMPARE(hub_->get(QStringLiteral("/v1/settings?since=x"), token_).status, 400);
    }

    void malformedQueriesAndMissingTokensAreRefused()
    {
        const QString path = QStringLiteral("/v1/returned-dossiers");
        QCOMPARE(hub_->get(path + QStringLiteral("?limit=0"), token_).status, 400);
        QCOMPARE(hub_->get(path + QStringLiteral("?limit=501"), token_).status, 400);
        QCOMPARE(hub_->get(path + QStringLiteral("?since=abc"), token_).status, 400);
        QCOMPARE(hub_->get(path).status, 401);
        QCOMPARE(hub_->get(QStringLiteral("/v1/settings")).status, 401);
    }
};

QTEST_MAIN(TestHubDownsync)
#include "test_hub_downsync.moc"
