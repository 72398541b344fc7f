// SPDX-License-Identifier: GPL-3.0-or-later
// Enrolment against a real `sohoa-hub --dev` (docs/SYNC-PROTOCOL.md §4.2): the admin command
// prints a one-time code, POST /v1/enrolment exchanges it once for a working token, a repeat
// with the same Idempotency-Key (the answer was lost) replaces that token, any other reuse and
// expired or unknown codes are refused alike, and an address sending failed codes is throttled.
#include "DevHub.h"
#include "server/PgConnection.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

using sohoa::testing::DevHub;
using sohoa::testing::HubReply;

namespace {
constexpr auto kAgency = "000.00.00.H26";
constexpr int kFailuresAllowed = 10; // per address and 10 minutes
} // namespace

class TestHubEnrolment : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<DevHub> hub_;
    int failures_ = 0; // 403s this test run has caused from its one address

    QString issueCode(const QStringList& arguments)
    {
        QByteArray output;
        const int exitCode =
            hub_->admin(QStringList{QStringLiteral("enrolment-code")} + arguments, &output);
        if (exitCode != 0)
            qFatal("enrolment-code failed: %s", output.constData());
        return QString::fromUtf8(output.trimmed().split('\n').last());
    }

    QString issueCode(const QString& name)
    {
        return issueCode({name, QStringLiteral("--agency"), QString::fromLatin1(kAgency)});
    }

    static QString newKey() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

    HubReply enrol(const QString& code, const QString& key)
    {
        const QJsonObject body{{"enrolment_code", code},
                               {"workstation_name", QStringLiteral("UBND xã A — quầy 2")},
                               {"software_version", QStringLiteral("0.9.0")},
                               {"client_time", QStringLiteral("2026-03-02T08:14:12+07:00")}};
        return hub_->post(QStringLiteral("/v1/enrolment"),
                          QJsonDocument(body).toJson(QJsonDocument::Compact), {}, key);
    }

    // A refusal of the code, counted against this address.
    void expectCodeRefused(const HubReply& reply)
    {
        ++failures_;
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.errorCode(), QStringLiteral("enrolment-code-invalid"));
        QVERIFY(!reply.json.value("error").toObject().value("message_vi").toString().isEmpty());
    }

    int workstationStatus(const QString& token)
    {
        return hub_->get(QStringLiteral("/v1/workstation"), token).status;
    }

    QString tokenError(const QString& token)
    {
        return hub_->get(QStringLiteral("/v1/workstation"), token).errorCode();
    }

    long long hubCount(const std::string& sql, const std::vector<sohoa::hub::PgParameter>& values)
    {
        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        return database.exec(sql, values).integer(0, 0);
    }

    static std::string codeHash(const QString& code)
    {
        return sohoa::hub::byteaParameter(
            QCryptographicHash::hash(code.toUpper().remove(QLatin1Char('-')).toLatin1(),
                                     QCryptographicHash::Sha256)
                .toStdString());
    }

    // The token ids `admin list` shows under the workstation `name`, oldest first.
    QStringList tokenIdsOf(const QString& name) const
    {
        QByteArray output;
        if (hub_->admin({QStringLiteral("list")}, &output) != 0)
            qFatal("admin list failed");
        QStringList ids;
        bool underIt = false;
        for (const QByteArray& line : output.split('\n')) {
            if (!line.startsWith('\t'))
                underIt = line.startsWith(name.toUtf8() + '\t');
            else if (underIt && line.startsWith("\ttoken "))
                ids << QString::fromUtf8(line.mid(7).split('\t').first());
        }
        return ids;
    }

private slots:
    void initTestCase()
    {
        hub_ = DevHub::startIn(dir_);
        QVERIFY(hub_->get(QStringLiteral("/v1/status")).json.value("api_revision").toInt() >= 2);
    }

    void theCodeIsTheLastLineAndOnlyItsHashIsKept()
    {
        const QString code = issueCode(QStringLiteral("quay-1"));
        static const QRegularExpression format(
            QStringLiteral("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$"));
        QVERIFY2(format.match(code).hasMatch(), qPrintable(code));
        QCOMPARE(hubCount("SELECT count(*) FROM enrolment_codes WHERE code_sha256 = $1 AND "
                          "workstation_name = 'quay-1' AND agency_codes = '{000.00.00.H26}' AND "
                          "expires_at BETWEEN now() + interval '71 hours' AND now() + "
                          "interval '73 hours'",
                          {codeHash(code)}),
                 1);
        QCOMPARE(hubCount("SELECT count(*) FROM enrolment_codes e WHERE "
                          "strpos(upper(row_to_json(e)::text), $1) > 0",
                          {QString(code).remove(QLatin1Char('-')).toStdString()}),
                 0);

        // Malformed command lines are usage errors; a bad agency code is refused by name.
        QByteArray output;
        QCOMPARE(hub_->admin({QStringLiteral("enrolment-code")}), 2);
        QCOMPARE(hub_->admin({QStringLiteral("enrolment-code"), QStringLiteral("quay-1"),
                              QStringLiteral("--valid-hours"), QStringLiteral("-1")}),
                 2);
        QCOMPARE(hub_->admin({QStringLiteral("enrolment-code"), QStringLiteral("quay-1"),
                              QStringLiteral("--agency"), QStringLiteral("h26;drop")},
                             &output),
                 1);
        QVERIFY2(output.contains("no agency code"), output.constData());
        QCOMPARE(
            hub_->admin({QStringLiteral("enrolment-code"), QStringLiteral("quay-new")}, &output),
            1);
        QVERIFY2(output.contains("needs its agency"), output.constData());
    }

    // Typed in lower case, without dashes and with the look-alikes I/L/O, the code still works;
    // the token it gives is the workstation's, and a repeat with another key is refused.
    void aCodeGivesOneWorkingTokenOnce()
    {
        const QString code = issueCode(QStringLiteral("quay-1"));
        QString typed = code.toLower().remove(QLatin1Char('-'));
        typed.replace(QLatin1Char('1'), QLatin1Char('l'))
            .replace(QLatin1Char('0'), QLatin1Char('O'));
        const HubReply enrolled = enrol(typed, newKey());
        QCOMPARE(enrolled.status, 201);
        QCOMPARE(enrolled.header("Cache-Control"), QByteArray("no-store"));
        const QString token = enrolled.json.value("token").toString();
        QCOMPARE(token.size(), 43);
        QVERIFY(enrolled.json.value("workstation_id").toString().startsWith(QLatin1String("ws_")));
        QCOMPARE(enrolled.json.value("workstation_name").toString(), QStringLiteral("quay-1"));
        const QJsonArray agencies = enrolled.json.value("agencies").toArray();
        QCOMPARE(agencies.size(), 1);
        QCOMPARE(agencies.first().toObject().value("code").toString(),
                 QString::fromLatin1(kAgency));
        QVERIFY(agencies.first().toObject().value("name").isString());
        QVERIFY(enrolled.json.value("settings").toObject().contains("revision"));
        // A dev hub starts with the starter catalogue as revision 1.
        QCOMPARE(enrolled.json.value("catalogue_revision").toInt(-1), 1);
        QVERIFY(enrolled.json.value("server_time").isString());

        const HubReply me = hub_->get(QStringLiteral("/v1/workstation"), token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value("name").toString(), QStringLiteral("quay-1"));
        QCOMPARE(me.json.value("agency_code").toString(), QString::fromLatin1(kAgency));

        expectCodeRefused(enrol(code, newKey()));
        QCOMPARE(workstationStatus(token), 200);
    }

    // The answer was lost: the same code with the same key revokes the token that answer
    // carried (the hub cannot send it again) and issues another.
    void theSameKeyAgainReplacesTheLostToken()
    {
        const QString code = issueCode(QStringLiteral("quay-2"));
        const QString key = newKey();
        const HubReply first = enrol(code, key);
        QCOMPARE(first.status, 201);
        const QString lost = first.json.value("token").toString();
        const HubReply again = enrol(code, key.toUpper());
        QCOMPARE(again.status, 201);
        const QString token = again.json.value("token").toString();
        QVERIFY(token != lost);
        QCOMPARE(again.json.value("workstation_id"), first.json.value("workstation_id"));
        QCOMPARE(tokenError(lost), QStringLiteral("token-revoked"));
        QCOMPARE(workstationStatus(token), 200);
        QCOMPARE(hubCount("SELECT count(*) FROM workstation_tokens t JOIN workstations w ON "
                          "w.id = t.workstation_id WHERE w.name = 'quay-2' AND "
                          "t.revoked_at IS NULL",
                          {}),
                 1);

        // Once the code has expired, not even its own key gets a token.
        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        database.exec("UPDATE enrolment_codes SET expires_at = now() WHERE code_sha256 = $1",
                      {codeHash(code)});
        expectCodeRefused(enrol(code, key));
        QCOMPARE(workstationStatus(token), 200);
    }

    void expiredAndUnknownCodesAreRefusedAlike()
    {
        const QString expired = issueCode({QStringLiteral("quay-3"), QStringLiteral("--agency"),
                                           QString::fromLatin1(kAgency),
                                           QStringLiteral("--valid-hours"), QStringLiteral("0")});
        expectCodeRefused(enrol(expired, newKey()));
        expectCodeRefused(enrol(QStringLiteral("7KQ2-M9XD-4HTA-0ZRB"), newKey()));
        expectCodeRefused(enrol(QStringLiteral("not a code"), newKey()));
        QCOMPARE(hubCount("SELECT count(*) FROM workstations WHERE name = 'quay-3'", {}), 0);
    }

    void malformedRequestsAreRefusedBeforeTheCode()
    {
        const QString code = issueCode(QStringLiteral("quay-4"));
        const HubReply noKey = enrol(code, {});
        QCOMPARE(noKey.status, 400);
        QCOMPARE(noKey.errorCode(), QStringLiteral("idempotency-key-invalid"));
        const HubReply notJson = hub_->post(QStringLiteral("/v1/enrolment"), "[1]", {}, newKey());
        QCOMPARE(notJson.status, 400);
        QCOMPARE(notJson.errorCode(), QStringLiteral("malformed-request"));
        // Neither consumed the code.
        QCOMPARE(enrol(code, newKey()).status, 201);
    }

    // Enrolling a workstation the hub knows adds a token (rotation): both work until the old
    // one is revoked.
    void anExistingWorkstationGetsAnotherToken()
    {
        const QString old = hub_->addWorkstation(QStringLiteral("quay-5"));
        const QString code = issueCode(QStringLiteral("quay-5"));
        const QString key = newKey();
        const HubReply enrolled = enrol(code, key);
        QCOMPARE(enrolled.status, 201);
        const QString token = enrolled.json.value("token").toString();
        QCOMPARE(workstationStatus(old), 200);
        const HubReply me = hub_->get(QStringLiteral("/v1/workstation"), token);
        QCOMPARE(me.json.value("name").toString(), QStringLiteral("quay-5"));
        QCOMPARE(me.json.value("agency_code").toString(), QString::fromLatin1(kAgency));

        // `list` shows both tokens by id; the old one alone is revoked, the new one works on.
        const QStringList tokenIds = tokenIdsOf(QStringLiteral("quay-5"));
        QCOMPARE(tokenIds.size(), 2);
        QCOMPARE(hub_->admin({QStringLiteral("revoke"), QStringLiteral("quay-5"),
                              QStringLiteral("--token"), tokenIds.first()}),
                 0);
        QCOMPARE(tokenError(old), QStringLiteral("token-revoked"));
        QCOMPARE(workstationStatus(token), 200);
        // Only once, and only through its own workstation.
        QCOMPARE(hub_->admin({QStringLiteral("revoke"), QStringLiteral("quay-5"),
                              QStringLiteral("--token"), tokenIds.first()}),
                 1);
        QCOMPARE(hub_->admin({QStringLiteral("revoke"), QStringLiteral("quay-6"),
                              QStringLiteral("--token"), tokenIds.last()}),
                 1);
        QCOMPARE(workstationStatus(token), 200);

        // Revoking the workstation revokes all its tokens and its codes (a repeat of the last
        // enrolment does not bring it back); a new code does.
        QCOMPARE(hub_->admin({QStringLiteral("revoke"), QStringLiteral("quay-5")}), 0);
        QCOMPARE(tokenError(old), QStringLiteral("token-revoked"));
        QCOMPARE(tokenError(token), QStringLiteral("token-revoked"));
        expectCodeRefused(enrol(code, key));
        const HubReply back = enrol(issueCode(QStringLiteral("quay-5")), newKey());
        QCOMPARE(back.status, 201);
        QCOMPARE(workstationStatus(back.json.value("token").toString()), 200);
        QCOMPARE(tokenError(old), QStringLiteral("token-revoked"));
    }

    // Last: it uses up this address's allowance. Once it is spent, even a good code waits.
    void failedCodesFromOneAddressAreThrottled()
    {
        const QString good = issueCode(QStringLiteral("quay-6"));
        QVERIFY(failures_ < kFailuresAllowed);
        while (failures_ < kFailuresAllowed)
            expectCodeRefused(enrol(QStringLiteral("0000-0000-0000-0000"), newKey()));
        for (const QString& code : {QStringLiteral("0000-0000-0000-0000"), good}) {
            const HubReply throttled = enrol(code, newKey());
            QCOMPARE(throttled.status, 429);
            QCOMPARE(throttled.errorCode(), QStringLiteral("rate-limited"));
            const int retryAfter = throttled.retryAfter.toInt();
            QVERIFY2(retryAfter > 0 && retryAfter <= 600, throttled.retryAfter.constData());
        }
        QCOMPARE(hubCount("SELECT count(*) FROM enrolment_codes WHERE code_sha256 = $1 AND "
                          "consumed_at IS NULL",
                          {codeHash(good)}),
                 1);
        // Status and token-bearing calls are not throttled.
        QCOMPARE(hub_->get(QStringLiteral("/v1/status")).status, 200);
    }
};

QTEST_MAIN(TestHubEnrolment)
#include "test_hub_enrolment.moc"
