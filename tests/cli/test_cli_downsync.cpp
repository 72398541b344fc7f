// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli sync bringing the hub's decisions down (docs/SYNC-PROTOCOL.md §7.3) from a real dev
// hub: a decision the dossier can take moves it through the lifecycle with the hub's version
// and leaves the decider's remarks in its history, without an outbox row; a decision its state
// does not allow, or one on a dossier with unsent changes, marks it in conflict instead; the
// cursor makes a later sync skip what was read, and a decision read twice is applied once.
// The province's settings (§7.2) reach the store: holidays, the bandwidth cap, the sync
// interval and the hub's trust anchors, which a later revision may take back without touching
// the officer's own.
#include "../server/DevHub.h"
#include "../server/OperationBody.h"
#include "CliRunner.h"
#include "HubSyncSession.h"
#include "storage/Store.h"
#include "usecases/DossierTransitions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sohoa::testing;

namespace {

const QString kAgency = QStringLiteral("000.00.00.H26");
const QString kCursor = QStringLiteral("sync.returned_cursor");

} // namespace

class TestCliDownsync : public QObject
{
    Q_OBJECT

    CliRunner cli_;
    QTemporaryDir hubDir_;
    std::unique_ptr<DevHub> hub_;
    QString token_;
    std::unique_ptr<HubSyncSession> session_;
    std::vector<sohoa::storage::DossierRecord> dossiers_; // delivered by the first sync

    void pushSettings(const QJsonObject& settings)
    {
        const QString file = cli_.path(QStringLiteral("settings.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(settings).toJson());
        out.close();
        QCOMPARE(hub_->admin({QStringLiteral("settings"), QStringLiteral("set"), file}), 0);
    }

    // The hub's own CA certificate as base64 DER: a certificate at hand to push as an anchor.
    QString hubCaBase64() const
    {
        QFile pem(hub_->caFile());
        if (!pem.open(QIODevice::ReadOnly))
            qFatal("no hub CA");
        QString body;
        for (const QByteArray& line : pem.readAll().split('\n'))
            if (!line.startsWith("-----"))
                body += QString::fromLatin1(line.trimmed());
        return body;
    }

private slots:
    void initTestCase()
    {
        QFile::setPermissions(hubDir_.path(), QFile::permissions(hubDir_.path()) | QFile::ExeOther);
        hub_ = std::make_unique<DevHub>(hubDir_.filePath(QStringLiteral("hub")));
        hub_->start();
        token_ = hub_->addWorkstation(QStringLiteral("quay-1"), kAgency);
        session_ = std::make_unique<HubSyncSession>(cli_, *hub_);
        cli_.environment().insert(QStringLiteral("SOHOA_SYNC_TOKEN"), token_);
        QCOMPARE(cli_.initStore(), 0);
        // Three dossiers from a block reserved before, delivered by a first sync.
        dossiers_ = session_->addOfflineBacklog(token_, kAgency, 3);
        const QJsonObject first = session_->sync();
        QCOMPARE(first.value("operations").toObject().value("sent").toInt(), 3);
        QCOMPARE(first.value("decisions_applied").toInt(), 0);
    }

    // The supervisor asks for more papers: the dossier takes the hub's state and version, and
    // the officer reads who asked and why in its history; nothing goes back up.
    void aDecisionTheDossierAllowsIsApplied()
    {
        const sohoa::storage::DossierRecord& dossier = dossiers_.at(0);
        QVERIFY(session_->decide(dossier.code, QStringLiteral("request-supplement"),
                                 QStringLiteral("Thiếu giấy chứng sinh bản gốc")));
        const QJsonObject pass = session_->sync();
        QCOMPARE(pass.value("decisions_applied").toInt(), 1);
        QCOMPARE(pass.value("decision_conflicts").toInt(), 0);
        QCOMPARE(pass.value("operations").toObject().value("sent").toInt(), 0);

        const QJsonObject shown = session_->show(dossier.code);
        QCOMPARE(shown.value("state").toString(), QStringLiteral("supplement_requested"));
        QCOMPARE(shown.value("national_status").toInt(), 5);
        QCOMPARE(shown.value("version").toInt(), 2);
        QCOMPARE(shown.value("sync_conflict").toString(), QString());
        const QJsonArray decided = HubSyncSession::eventsOf(shown, QStringLiteral("hub-decision"));
        QCOMPARE(decided.size(), 1);
        const QString detail = decided.first().toObject().value("detail").toString();
        QVERIFY2(detail.contains(QStringLiteral("Thiếu giấy chứng sinh bản gốc")) &&
                     detail.contains(QStringLiteral("Trần Văn Bình")) &&
                     detail.contains(QStringLiteral("request_supplement")),
                 qPrintable(detail));
        QVERIFY(session_->openStore()->outboxPending().empty());
        QVERIFY(session_->openStore()->setting(kCursor).has_value());
    }

    // The hub's copy went on to review and was returned there; this store's copy is still
    // captured, which cannot be returned: the dossier is in conflict, with the remarks, and
    // its state stays.
    void aDecisionTheStateDoesNotAllowIsAConflict()
    {
        const sohoa::storage::DossierRecord& dossier = dossiers_.at(1);
        QCOMPARE(hub_->post(QStringLiteral("/v1/operations"),
                            transitionBody(dossier.uuid, 1, QStringLiteral("sign"),
                                           QStringLiteral("signed"), 2),
                            token_, newUuid())
                     .status,
                 200);
        QCOMPARE(hub_->post(QStringLiteral("/v1/operations"),
                            transitionBody(dossier.uuid, 2, QStringLiteral("submit_for_review"),
                                           QStringLiteral("awaiting_review"), 2),
                            token_, newUuid())
                     .status,
                 200);
        QVERIFY(session_->decide(dossier.code, QStringLiteral("return"),
                                 QStringLiteral("Trang 2 bị mờ")));
        const QJsonObject pass = session_->sync();
        QCOMPARE(pass.value("decisions_applied").toInt(), 0);
        QCOMPARE(pass.value("decision_conflicts").toInt(), 1);
        const QJsonObject shown = session_->show(dossier.code);
        QCOMPARE(shown.value("state").toString(), QStringLiteral("captured"));
        QCOMPARE(shown.value("version").toInt(), 1);
        QVERIFY2(shown.value("sync_conflict").toString().contains(QStringLiteral("Trang 2 bị mờ")),
                 qPrintable(shown.value("sync_conflict").toString()));
        QCOMPARE(HubSyncSession::eventsOf(shown, QStringLiteral("sync-conflict")).size(), 1);
    }

    // A change waiting to be sent: the hub's decision does not overwrite it; the dossier goes
    // in conflict and its row, now stale, is parked by the relay.
    void aDecisionOnADossierWithUnsentRowsIsAConflict()
    {
        const sohoa::storage::DossierRecord& dossier = dossiers_.at(2);
        QVERIFY(session_->decide(dossier.code, QStringLiteral("request-supplement"),
                                 QStringLiteral("Thiếu ảnh")));
        {
            // The counter signs it meanwhile, offline.
            auto store = session_->openStore();
            store->inTransaction([&] {
                QVERIFY(sohoa::usecases::DossierTransitions::tryApply(
                    *store, dossier.uuid, sohoa::domain::DossierTransition::Sign,
                    QStringLiteral("canbo01")));
            });
        }
        const QJsonObject pass = session_->sync();
        QCOMPARE(pass.value("decision_conflicts").toInt(), 1);
        QCOMPARE(pass.value("operations").toObject().value("conflicts").toInt(), 1);
        const QJsonObject shown = session_->show(dossier.code);
        QCOMPARE(shown.value("state").toString(), QStringLiteral("signed"));
        // The relay's refusal keeps the decision's remarks as the conflict's reason.
        QVERIFY2(shown.value("sync_conflict").toString().contains(QStringLiteral("Thiếu ảnh")),
                 qPrintable(shown.value("sync_conflict").toString()));
    }

    // The cursor: nothing is read twice. Read again from the start (a lost cursor), a decision
    // already applied is skipped by its version.
    void decisionsAreAppliedOnce()
    {
        QCOMPARE(session_->sync().value("decision_conflicts").toInt(), 0);
        {
            auto store = session_->openStore();
            store->inTransaction([&] { store->setSetting(kCursor, QStringLiteral("0")); });
        }
        const QJsonObject again = session_->sync();
        QCOMPARE(again.value("decisions_applied").toInt(), 0);
        const QJsonObject shown = session_->show(dossiers_.at(0).code);
        QCOMPARE(HubSyncSession::eventsOf(shown, QStringLiteral("hub-decision")).size(), 1);
        QCOMPARE(shown.value("version").toInt(), 2);
    }

    void theProvincesSettingsAreApplied()
    {
        pushSettings(QJsonObject{
            {"holidays", QJsonArray{"2026-12-07"}},
            {"sync", QJsonObject{{"bandwidth_kbps", 2048}, {"interval_seconds", 300}}},
            {"trust_anchors", QJsonArray{QJsonObject{{"certificate", hubCaBase64()}}}}});
        QCOMPARE(session_->sync().value("settings_changed").toInt(), 4);
        {
            auto store = session_->openStore();
            QCOMPARE(store->setting(QStringLiteral("sync.bandwidth_kbps")),
                     std::optional<QString>(QStringLiteral("2048")));
            QCOMPARE(store->setting(QStringLiteral("sync.interval_seconds")),
                     std::optional<QString>(QStringLiteral("300")));
            QVERIFY(store->setting(QStringLiteral("calendar.holidays"))
                        .value_or(QString())
                        .contains(QStringLiteral("2026-12-07")));
            const auto anchors = store->trustAnchors();
            QCOMPARE(anchors.size(), std::size_t{1});
            QCOMPARE(anchors.front().addedBy, QStringLiteral("hub"));
        }
        // Unchanged: nothing to apply.
        QCOMPARE(session_->sync().value("settings_changed").toInt(), 0);
        // The province takes its anchor back; the rest is as before.
        pushSettings(
            QJsonObject{{"holidays", QJsonArray{"2026-12-07"}},
                        {"sync", QJsonObject{{"bandwidth_kbps", 2048}, {"interval_seconds", 300}}},
                        {"trust_anchors", QJsonArray{}}});
        QCOMPARE(session_->sync().value("settings_changed").toInt(), 1);
        QVERIFY(session_->openStore()->trustAnchors().empty());
        // Out of bounds: refused whole and reported.
        pushSettings(QJsonObject{{"holidays", QJsonArray{"2026-12-08"}},
                                 {"sync", QJsonObject{{"interval_seconds", 5}}}});
        const QJsonObject refused = session_->sync();
        QCOMPARE(refused.value("settings_changed").toInt(), 0);
        QCOMPARE(refused.value("errors").toArray().size(), 1);
        QVERIFY(!session_->openStore()
                     ->setting(QStringLiteral("calendar.holidays"))
                     .value_or(QString())
                     .contains(QStringLiteral("2026-12-08")));
    }

    // The province's policies: its time-stamp server (which `timestamp` then uses without
    // --tsa), how far ahead code blocks are kept, the longest retention, which the officer's
    // own setting can no longer exceed, and its scan profiles under its lock.
    void theProvincesPoliciesAreApplied()
    {
        const QJsonObject counted =
            cli_.runJson(QStringList{QStringLiteral("timestamp")} + cli_.storeArgs()).object();
        QVERIFY(counted.contains(QLatin1String("awaiting")));
        pushSettings(
            QJsonObject{{"tsa_url", "http://127.0.0.1:9/tsa"},
                        {"code_blocks",
                         QJsonObject{{"days_ahead", 2}, {"size_per_day", 5}, {"low_watermark", 2}}},
                        {"retention_days_max", 10},
                        {"scan_profiles",
                         QJsonObject{{"locked", true},
                                     {"profiles", QJsonArray{QJsonObject{{"id", "ban-ve-tinh"},
                                                                         {"name", "Bản vẽ (tỉnh)"},
                                                                         {"material", "drawings"},
                                                                         {"dpi", 400}}}}}}});
        const QJsonObject applied = session_->sync();
        QCOMPARE(applied.value("settings_changed").toInt(), 5);
        const QJsonObject profiles =
            cli_.runJson(QStringList{QStringLiteral("profile"), QStringLiteral("list")} +
                         cli_.storeArgs())
                .object();
        QVERIFY(profiles.value("locked").toBool());
        QVERIFY(QJsonDocument(profiles).toJson().contains("\"ban-ve-tinh\""));
        QCOMPARE(session_->openStore()->setting(QStringLiteral("sync.code_blocks")),
                 std::optional<QString>(
                     QStringLiteral(R"({"days_ahead":2,"low_watermark":2,"size_per_day":5})")));

        // The province's server is asked (nothing awaits, so nothing is stamped).
        const QJsonObject drained =
            cli_.runJson(QStringList{QStringLiteral("timestamp")} + cli_.storeArgs()).object();
        QVERIFY2(drained.contains(QLatin1String("still_awaiting")),
                 QJsonDocument(drained).toJson().constData());

        const ToolResult tooLong =
            cli_.run(QStringList{QStringLiteral("store"), QStringLiteral("set"),
                                 QStringLiteral("retention-days"), QStringLiteral("30")} +
                     cli_.storeArgs());
        QCOMPARE(tooLong.exitCode, 3);
        QVERIFY2(tooLong.err.contains("10 day"), tooLong.err.constData());
        QCOMPARE(cli_.run(QStringList{QStringLiteral("store"), QStringLiteral("set"),
                                      QStringLiteral("retention-days"), QStringLiteral("7")} +
                          cli_.storeArgs())
                     .exitCode,
                 0);

        // A low watermark above the block size: refused whole, the earlier policy stays.
        pushSettings(QJsonObject{
            {"tsa_url", "http://127.0.0.1:9/other"},
            {"code_blocks",
             QJsonObject{{"days_ahead", 2}, {"size_per_day", 5}, {"low_watermark", 6}}}});
        const QJsonObject refused = session_->sync();
        QCOMPARE(refused.value("settings_changed").toInt(), 0);
        QVERIFY(refused.value("errors").toArray().first().toString().contains(
            QStringLiteral("low_watermark")));
        QCOMPARE(session_->openStore()->setting(QStringLiteral("signing.tsa_url")),
                 std::optional<QString>(QStringLiteral("http://127.0.0.1:9/tsa")));
    }
};

QTEST_MAIN(TestCliDownsync)
#include "test_cli_downsync.moc"
