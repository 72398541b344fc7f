// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli enrol against a real dev hub (docs/SYNC-PROTOCOL.md §4.2): wrong and mistyped codes
// and an unreachable hub are told apart by exit code; the Idempotency-Key saved before sending
// turns a retry after a lost answer into a new token; the token, never printed, is saved with
// the hub's address, and `sohoa-cli sync` then delivers an offline dossier without
// SOHOA_SYNC_TOKEN or --server.
#include "../server/DevHub.h"
#include "CliRunner.h"
#include "OfflineDossier.h"
#include "server/PgConnection.h"
#include "storage/Store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

using namespace sohoa::testing;

namespace {
constexpr auto kAgency = "000.00.00.H26";
}

class TestCliEnrol : public QObject
{
    Q_OBJECT

    CliRunner cli_;
    QTemporaryDir hubDir_;
    std::unique_ptr<DevHub> hub_;

    std::unique_ptr<sohoa::storage::Store> openStore()
    {
        return sohoa::storage::Store::open(
            cli_.storePath(), sohoa::storage::SecureBytes::fromString(CliRunner::kPassphrase));
    }

    QString setting(const QString& key) { return openStore()->setting(key).value_or(QString()); }

    QString issueCode(const QString& name)
    {
        QByteArray output;
        if (hub_->admin({QStringLiteral("enrolment-code"), name, QStringLiteral("--agency"),
                         QString::fromLatin1(kAgency)},
                        &output) != 0)
            qFatal("enrolment-code failed: %s", output.constData());
        return QString::fromUtf8(output.trimmed().split('\n').last());
    }

    QStringList enrolArgs(const QString& code, const QString& server = {}) const
    {
        return QStringList{QStringLiteral("enrol"),
                           QStringLiteral("--server"),
                           server.isEmpty() ? hub_->url() : server,
                           QStringLiteral("--ca-file"),
                           hub_->caFile(),
                           QStringLiteral("--code"),
                           code,
                           QStringLiteral("--name"),
                           QStringLiteral("UBND xã A — quầy 2")} +
               cli_.storeArgs();
    }

private slots:
    void initTestCase()
    {
        hub_ = DevHub::startIn(hubDir_);
        cli_.environment().remove(QStringLiteral("SOHOA_SYNC_TOKEN"));
        QCOMPARE(cli_.initStore(), 0);
    }

    void aMistypedCodeIsRefusedBeforeAnythingIsSent()
    {
        const ToolResult mistyped = cli_.run(enrolArgs(QStringLiteral("ABCD-EFGH-JKMN")));
        QCOMPARE(mistyped.exitCode, 3);
        QVERIFY2(mistyped.err.contains("16 letters and digits"), mistyped.err.constData());
        QVERIFY(!mistyped.err.contains("JKMN"));
        QVERIFY(setting(QStringLiteral("sync.enrolment.key")).isEmpty());
    }

    void anUnreachableHubExitsNineAndKeepsTheKey()
    {
        const ToolResult offline = cli_.run(
            enrolArgs(issueCode(QStringLiteral("quay-x")), QStringLiteral("https://127.0.0.1:1")));
        QCOMPARE(offline.exitCode, 9);
        QVERIFY2(offline.err.contains("cannot be reached"), offline.err.constData());
        QVERIFY(!QUuid::fromString(setting(QStringLiteral("sync.enrolment.key"))).isNull());
        QVERIFY(setting(QStringLiteral("sync.token")).isEmpty());
    }

    void aWrongCodeExitsFiveInTheOfficersLanguage()
    {
        const QStringList args = enrolArgs(QStringLiteral("0000-0000-0000-0001"));
        const ToolResult refused = cli_.run(args);
        QCOMPARE(refused.exitCode, 5);
        QVERIFY2(refused.err.contains("unknown, already used or expired"), refused.err.constData());
        const ToolResult vietnamese = cli_.run(args, QStringLiteral("vi"));
        QCOMPARE(vietnamese.exitCode, 5);
        QVERIFY2(vietnamese.err.contains("Máy chủ tỉnh từ chối mã đăng ký"),
                 vietnamese.err.constData());
        QVERIFY2(vietnamese.err.contains("đã hết hạn"), vietnamese.err.constData());
        QVERIFY(setting(QStringLiteral("sync.token")).isEmpty());
    }

    // The first attempt reached the hub but its answer was lost: the hub consumed the code with
    // the key the store saved. Running the command again reuses that key, so the hub revokes
    // the lost token and the store gets a working one.
    void aRetryAfterALostAnswerGetsAWorkingToken()
    {
        const QString code = issueCode(QStringLiteral("quay-2"));
        const QString key = setting(QStringLiteral("sync.enrolment.key"));
        QVERIFY(!key.isEmpty());
        const QJsonObject body{{"enrolment_code", code},
                               {"workstation_name", QStringLiteral("UBND xã A — quầy 2")},
                               {"software_version", QStringLiteral("0.9.0")},
                               {"client_time", QStringLiteral("2026-03-02T08:14:12+07:00")}};
        const HubReply lost =
            hub_->post(QStringLiteral("/v1/enrolment"),
                       QJsonDocument(body).toJson(QJsonDocument::Compact), {}, key);
        QCOMPARE(lost.status, 201);
        const QString lostToken = lost.json.value("token").toString();

        const ToolResult enrolled = cli_.run(enrolArgs(code.toLower().remove(QLatin1Char('-')))
                                             << QStringLiteral("--json"));
        QCOMPARE(enrolled.exitCode, 0);
        const QJsonObject answer = QJsonDocument::fromJson(enrolled.out).object();
        QCOMPARE(answer.value("workstation_name").toString(), QStringLiteral("quay-2"));
        QCOMPARE(answer.value("workstation_id"), lost.json.value("workstation_id"));
        QCOMPARE(answer.value("agencies").toArray().first().toObject().value("code").toString(),
                 QString::fromLatin1(kAgency));

        const QString token = setting(QStringLiteral("sync.token"));
        QCOMPARE(token.size(), 43);
        QVERIFY(token != lostToken);
        QCOMPARE(hub_->get(QStringLiteral("/v1/workstation"), token).status, 200);
        QCOMPARE(hub_->get(QStringLiteral("/v1/workstation"), lostToken).errorCode(),
                 QStringLiteral("token-revoked"));
        // Neither the code nor the token is ever printed.
        for (const QByteArray& printed : {enrolled.out, enrolled.err}) {
            QVERIFY(!printed.contains(token.toUtf8()));
            QVERIFY(!printed.toUpper().contains(code.left(9).toUtf8()));
            QVERIFY(!printed.toUpper().contains(
                QString(code).remove(QLatin1Char('-')).left(8).toUtf8()));
        }

        auto store = openStore();
        QCOMPARE(store->setting(QStringLiteral("sync.workstation_id")).value_or(QString()),
                 answer.value("workstation_id").toString());
        QCOMPARE(store->setting(QStringLiteral("sync.server")).value_or(QString()), hub_->url());
        QVERIFY(store->setting(QStringLiteral("sync.agencies"))
                    .value_or(QString())
                    .contains(QLatin1String(kAgency)));
        QVERIFY(store->setting(QStringLiteral("sync.enrolment.key")).value_or(QString()).isEmpty());
        int enrolmentEvents = 0;
        for (const auto& event : store->events({})) {
            QVERIFY(!event.detail.contains(token));
            if (event.action == QLatin1String("workstation-enrolled")) {
                ++enrolmentEvents;
                QCOMPARE(event.detail, answer.value("workstation_id").toString());
            }
        }
        QCOMPARE(enrolmentEvents, 1);
    }

    // Without SOHOA_SYNC_TOKEN and without --server: both come from the enrolment.
    void syncThenReachesTheHubWithTheSavedTokenAndAddress()
    {
        QString code;
        {
            auto store = openStore();
            store->inTransaction([&] {
                // Never online before: a provisional code the hub replaces.
                code =
                    addOfflineDossier(
                        *store, QStringLiteral("000.00.00.H26-%1-P0001")
                                    .arg(QDate::currentDate().toString(QStringLiteral("yyMMdd"))))
                        .code;
            });
        }
        const ToolResult synced = cli_.run(
            QStringList{QStringLiteral("sync"), QStringLiteral("--once"),
                        QStringLiteral("--ca-file"), hub_->caFile(), QStringLiteral("--json")} +
            cli_.storeArgs());
        QCOMPARE(synced.exitCode, 0);
        const QJsonObject pass = QJsonDocument::fromJson(synced.out).object();
        QCOMPARE(pass.value("operations").toObject().value("sent").toInt(), 1);
        QCOMPARE(pass.value("operations").toObject().value("pending").toInt(), 0);

        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        const auto held = database.exec("SELECT w.name FROM dossiers d JOIN workstations w ON "
                                        "w.id = d.workstation_id WHERE d.provisional_code = $1",
                                        {code.toStdString()});
        QCOMPARE(held.rows(), 1);
        QCOMPARE(held.text(0, 0), std::string("quay-2"));
    }

    void cleanupTestCase() { hub_.reset(); }
};

QTEST_MAIN(TestCliEnrol)
#include "test_cli_enrol.moc"
