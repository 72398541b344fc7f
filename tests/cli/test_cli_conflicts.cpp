// SPDX-License-Identifier: GPL-3.0-or-later
// The officer settling a sync conflict (docs/SYNC-PROTOCOL.md §5.6) against a real dev hub and
// its PostgreSQL: while the counter moved a dossier on offline, the supervisor decided on the
// hub; sync marks the conflict, `sohoa-cli conflicts` shows it with the remarks and the unsent
// change, and `sohoa-cli conflict` settles it: --accept-hub drops the change and takes the hub's
// state and version, --reapply makes the change again on the hub's version (the next sync
// delivers it) or, when the lifecycle refuses it from there, changes nothing. A stale field
// correction is re-applied by sync itself.
#include "../server/DevHub.h"
#include "CliRunner.h"
#include "HubSyncSession.h"
#include "server/PgConnection.h"
#include "storage/Store.h"
#include "usecases/DossierTransitions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

using namespace sohoa::testing;
using sohoa::domain::DossierTransition;

namespace {

const QString kAgency = QStringLiteral("000.00.00.H26");

} // namespace

class TestCliConflicts : public QObject
{
    Q_OBJECT

    CliRunner cli_;
    QTemporaryDir hubDir_;
    std::unique_ptr<DevHub> hub_;
    std::unique_ptr<HubSyncSession> session_;
    std::vector<sohoa::storage::DossierRecord> dossiers_; // delivered by the first sync

    // The counter moves the dossier on, offline, as the workstation's use cases do.
    bool moveLocally(const QString& uuid, DossierTransition transition)
    {
        auto store = session_->openStore();
        bool moved = false;
        store->inTransaction([&] {
            moved = sohoa::usecases::DossierTransitions::tryApply(*store, uuid, transition,
                                                                  QStringLiteral("canbo01"))
                        .has_value();
        });
        return moved;
    }

    std::vector<sohoa::storage::OutboxRecord> unsentRows(const QString& uuid)
    {
        return session_->openStore()->outboxOfDossier(uuid);
    }

    // Signed and submitted at the counter, delivered: the hub holds it awaiting review (v3).
    void submitForReview(const sohoa::storage::DossierRecord& dossier)
    {
        QVERIFY(moveLocally(dossier.uuid, DossierTransition::Sign));
        QVERIFY(moveLocally(dossier.uuid, DossierTransition::SubmitForReview));
        QCOMPARE(session_->sync().value("operations").toObject().value("sent").toInt(), 2);
    }

    // Returned by the supervisor on the hub (v4) while the counter, offline, recorded that the
    // applicant withdrew it; the next sync finds the conflict.
    void returnedWhileWithdrawnOffline(const sohoa::storage::DossierRecord& dossier)
    {
        submitForReview(dossier);
        QVERIFY(session_->decide(dossier.code, QStringLiteral("return"),
                                 QStringLiteral("Trang 2 bị mờ")));
        QVERIFY(moveLocally(dossier.uuid, DossierTransition::Withdraw));
        const QJsonObject pass = session_->sync();
        QCOMPARE(pass.value("decision_conflicts").toInt(), 1);
        QCOMPARE(pass.value("operations").toObject().value("conflicts").toInt(), 1);
    }

    QJsonArray conflicts()
    {
        return cli_.runJson(QStringList{QStringLiteral("conflicts")} + cli_.storeArgs())
            .object()
            .value("conflicts")
            .toArray();
    }

    // The `conflicts` entry of `code`; an empty object when it is not in conflict.
    QJsonObject conflictOf(const QString& code)
    {
        for (const QJsonValue& entry : conflicts())
            if (entry.toObject().value("dossier_code").toString() == code)
                return entry.toObject();
        return {};
    }

    ToolResult settle(const QString& code, const QStringList& choice)
    {
        return cli_.run(QStringList{QStringLiteral("conflict"), QStringLiteral("--dossier"), code,
                                    QStringLiteral("--json")} +
                        choice + cli_.storeArgs());
    }

    // The hub's state and version of the dossier, read in PostgreSQL.
    std::pair<QString, long long> onHub(const QString& uuid)
    {
        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        const auto row = database.exec("SELECT state, version FROM dossiers WHERE uuid = $1",
                                       {uuid.toStdString()});
        return {QString::fromStdString(row.text(0, 0)), row.integer(0, 1)};
    }

private slots:
    void initTestCase()
    {
        hub_ = DevHub::startIn(hubDir_);
        const QString token = hub_->addWorkstation(QStringLiteral("quay-1"), kAgency);
        session_ = std::make_unique<HubSyncSession>(cli_, *hub_);
        cli_.environment().insert(QStringLiteral("SOHOA_SYNC_TOKEN"), token);
        QCOMPARE(cli_.initStore(), 0);
        dossiers_ = session_->addOfflineBacklog(token, kAgency, 5);
        QCOMPARE(session_->sync().value("operations").toObject().value("sent").toInt(), 5);
    }

    void acceptingTheHubsVersionDiscardsTheUnsentChange()
    {
        const sohoa::storage::DossierRecord& dossier = dossiers_.at(0);
        returnedWhileWithdrawnOffline(dossier);

        const QJsonObject conflict = conflictOf(dossier.code);
        QVERIFY2(conflict.value("reason").toString().contains(QStringLiteral("Trang 2 bị mờ")),
                 qPrintable(conflict.value("reason").toString()));
        QCOMPARE(conflict.value("hub").toObject().value("state").toString(),
                 QStringLiteral("returned"));
        QCOMPARE(conflict.value("hub").toObject().value("version").toInt(), 4);
        QCOMPARE(conflict.value("local").toObject().value("state").toString(),
                 QStringLiteral("withdrawn"));
        const QJsonArray unsent = conflict.value("unsent").toArray();
        QCOMPARE(unsent.size(), 1);
        QCOMPARE(unsent.first().toObject().value("operation").toString(),
                 QStringLiteral("dossier.transition"));
        QCOMPARE(unsent.first().toObject().value("subject").toString(), QStringLiteral("withdraw"));
        QVERIFY(unsent.first().toObject().value("parked").toBool());
        QVERIFY(
            !QJsonDocument(conflicts()).toJson().contains(dossier.applicantIdentifier.toUtf8()));

        const ToolResult settled = settle(dossier.code, {QStringLiteral("--accept-hub")});
        QVERIFY2(settled.exitCode == 0, settled.err.constData());
        QCOMPARE(QJsonDocument::fromJson(settled.out).object().value("version").toInt(), 4);

        const QJsonObject shown = session_->show(dossier.code);
        QCOMPARE(shown.value("state").toString(), QStringLiteral("returned"));
        QCOMPARE(shown.value("national_status").toInt(), 2);
        QCOMPARE(shown.value("version").toInt(), 4);
        QCOMPARE(shown.value("sync_conflict").toString(), QString());
        const QJsonArray discarded =
            HubSyncSession::eventsOf(shown, QStringLiteral("sync-conflict-discarded"));
        QCOMPARE(discarded.size(), 1);
        QVERIFY(discarded.first().toObject().value("detail").toString().contains(
            QStringLiteral("dossier.transition withdraw")));
        QVERIFY(unsentRows(dossier.uuid).empty());
        QVERIFY(conflictOf(dossier.code).isEmpty());

        const QJsonObject next = session_->sync();
        QCOMPARE(next.value("operations").toObject().value("sent").toInt(), 0);
        QCOMPARE(next.value("operations").toObject().value("conflicts").toInt(), 0);
        QCOMPARE(next.value("decision_conflicts").toInt(), 0);
        QCOMPARE(onHub(dossier.uuid), std::make_pair(QStringLiteral("returned"), 4LL));
    }

    void reapplyingAChangeTheLifecycleAllowsDeliversItOnTheHubsVersion()
    {
        const sohoa::storage::DossierRecord& dossier = dossiers_.at(1);
        returnedWhileWithdrawnOffline(dossier);
        const QString staleKey = unsentRows(dossier.uuid).front().idempotencyKey;

        const ToolResult settled = settle(dossier.code, {QStringLiteral("--reapply")});
        QVERIFY2(settled.exitCode == 0, settled.err.constData());
        const QJsonObject answer = QJsonDocument::fromJson(settled.out).object();
        QCOMPARE(answer.value("state").toString(), QStringLiteral("withdrawn"));
        QCOMPARE(answer.value("version").toInt(), 5);
        QCOMPARE(answer.value("queued").toInt(), 1);
        const auto rows = unsentRows(dossier.uuid);
        QCOMPARE(rows.size(), std::size_t{1});
        QCOMPARE(rows.front().baseVersion, 4);
        QVERIFY(rows.front().idempotencyKey != staleKey);
        QVERIFY(!rows.front().parkedAt.isValid());
        QCOMPARE(HubSyncSession::eventsOf(session_->show(dossier.code),
                                          QStringLiteral("sync-conflict-reapplied"))
                     .size(),
                 1);

        QCOMPARE(session_->sync().value("operations").toObject().value("sent").toInt(), 1);
        QCOMPARE(onHub(dossier.uuid), std::make_pair(QStringLiteral("withdrawn"), 5LL));
        QVERIFY(unsentRows(dossier.uuid).empty());
        QVERIFY(conflictOf(dossier.code).isEmpty());
    }

    // The supervisor asked for more papers while the counter signed it: signing cannot follow a
    // request for papers, so re-applying is refused and the conflict stays as it was.
    void reapplyingAChangeTheLifecycleRefusesChangesNothing()
    {
        const sohoa::storage::DossierRecord& dossier = dossiers_.at(2);
        QVERIFY(session_->decide(dossier.code, QStringLiteral("request-supplement"),
                                 QStringLiteral("Thiếu giấy chứng sinh")));
        QVERIFY(moveLocally(dossier.uuid, DossierTransition::Sign));
        QCOMPARE(session_->sync().value("operations").toObject().value("conflicts").toInt(), 1);
        const auto before = unsentRows(dossier.uuid);
        QCOMPARE(before.size(), std::size_t{1});

        const ToolResult refused = settle(dossier.code, {QStringLiteral("--reapply")});
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains("cannot take") && refused.err.contains(dossier.code.toUtf8()),
                 refused.err.constData());

        const QJsonObject shown = session_->show(dossier.code);
        QCOMPARE(shown.value("state").toString(), QStringLiteral("signed"));
        QCOMPARE(shown.value("version").toInt(), 2);
        QVERIFY(!shown.value("sync_conflict").toString().isEmpty());
        QVERIFY(
            HubSyncSession::eventsOf(shown, QStringLiteral("sync-conflict-reapplied")).isEmpty());
        const auto after = unsentRows(dossier.uuid);
        QCOMPARE(after.size(), std::size_t{1});
        QCOMPARE(after.front().idempotencyKey, before.front().idempotencyKey);
        QVERIFY(after.front().parkedAt.isValid());
        QCOMPARE(conflictOf(dossier.code).value("hub").toObject().value("state").toString(),
                 QStringLiteral("supplement_requested"));
        const ToolResult listed =
            cli_.run(QStringList{QStringLiteral("conflicts")} + cli_.storeArgs());
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(dossier.code.toUtf8()) &&
                     listed.out.contains("dossier.transition sign"),
                 listed.out.constData());
    }

    // A field correction commutes with the supervisor's decision: sync sends it again on the
    // hub's version under a new key, and the dossier takes the hub's state.
    void aStaleFieldCorrectionIsDeliveredWithoutTheOfficer()
    {
        const sohoa::storage::DossierRecord& dossier = dossiers_.at(3);
        QVERIFY(session_->decide(dossier.code, QStringLiteral("request-supplement"),
                                 QStringLiteral("Thiếu ảnh")));
        {
            auto store = session_->openStore();
            store->inTransaction([&] {
                sohoa::storage::OutboxRecord update;
                update.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
                update.dossierUuid = dossier.uuid;
                update.baseVersion = 1;
                update.operation = QStringLiteral("dossier.update");
                update.payload =
                    QStringLiteral(R"({"test_data":false,"dossier":{"due_at":"20261215170000"}})");
                store->appendOutbox(update);
                store->setDossierVersion(dossier.uuid, 2);
            });
        }
        const QJsonObject pass = session_->sync();
        QCOMPARE(pass.value("decision_conflicts").toInt(), 1);
        QCOMPARE(pass.value("operations").toObject().value("sent").toInt(), 1);
        QCOMPARE(pass.value("operations").toObject().value("conflicts").toInt(), 0);

        QCOMPARE(onHub(dossier.uuid), std::make_pair(QStringLiteral("supplement_requested"), 3LL));
        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        QCOMPARE(database
                     .exec("SELECT payload::jsonb->>'due_at' FROM dossiers WHERE uuid = $1",
                           {dossier.uuid.toStdString()})
                     .text(0, 0),
                 std::string("20261215170000"));
        const QJsonObject shown = session_->show(dossier.code);
        QCOMPARE(shown.value("state").toString(), QStringLiteral("supplement_requested"));
        QCOMPARE(shown.value("version").toInt(), 3);
        QCOMPARE(shown.value("sync_conflict").toString(), QString());
        QCOMPARE(HubSyncSession::eventsOf(shown, QStringLiteral("sync-conflict-reapplied")).size(),
                 1);
        QVERIFY(unsentRows(dossier.uuid).empty());
    }

    void onlyADossierInConflictCanBeSettled()
    {
        QCOMPARE(
            settle(QStringLiteral("000.00.00.H26-261205-9999"), {QStringLiteral("--accept-hub")})
                .exitCode,
            4);
        QCOMPARE(settle(dossiers_.at(4).code, {QStringLiteral("--accept-hub")}).exitCode, 3);
        QCOMPARE(settle(dossiers_.at(2).code,
                        {QStringLiteral("--accept-hub"), QStringLiteral("--reapply")})
                     .exitCode,
                 2);
    }
};

QTEST_MAIN(TestCliConflicts)
#include "test_cli_conflicts.moc"
