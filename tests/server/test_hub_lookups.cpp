// SPDX-License-Identifier: GPL-3.0-or-later
// The civil-status look-up against a real dev hub and its generated records in PostgreSQL:
// only records in which the person is the registered person, every call with a purpose,
// audited under an HMAC of the ID (never the ID itself), limited per workstation and hour, and
// a clear 503 when the civil-status source cannot answer.
#include "DevHub.h"
#include "server/PgConnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using sohoa::testing::DevHub;
using sohoa::testing::HubReply;

class TestHubLookups : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<DevHub> hub_;
    QString token_;
    std::unique_ptr<sohoa::hub::PgConnection> database_;

    HubReply civilStatus(const QJsonObject& body, const QString& token)
    {
        return hub_->post(QStringLiteral("/v1/lookups/civil-status"),
                          QJsonDocument(body).toJson(QJsonDocument::Compact), token, {});
    }

    static QJsonObject request(const QString& idNumber,
                               const QString& purpose = QStringLiteral("identity-check"))
    {
        return QJsonObject{{"id_number", idNumber},
                           {"officer_id", "lan.nt"},
                           {"purpose", QJsonObject{{"code", purpose}}}};
    }

    long long scalar(const std::string& sql, const std::vector<sohoa::hub::PgParameter>& args = {})
    {
        return database_->exec(sql, args).integer(0, 0);
    }

    // Records in PostgreSQL naming `idNumber` as a registered person, by kind.
    long long recordsOf(const QString& idNumber, const char* kind)
    {
        return scalar("SELECT count(*) FROM civil_status_subjects s JOIN civil_status_records r "
                      "ON r.id = s.record_id WHERE s.id_number = $1 AND r.kind = $2",
                      {idNumber.toStdString(), std::string(kind)});
    }

private slots:
    void initTestCase()
    {
        hub_ = DevHub::startIn(dir_);
        token_ = hub_->addWorkstation(QStringLiteral("ho-tich-1"));
        database_ = std::make_unique<sohoa::hub::PgConnection>(hub_->conninfo().toStdString());
        QVERIFY2(scalar("SELECT count(*) FROM civil_status_records") > 100,
                 "a new dev hub generates civil-status records");
    }

    // A mother is named in her child's birth record, but that record is the child's: her
    // look-up returns her own birth, marriages and death only.
    void onlyRecordsOfTheRegisteredPerson()
    {
        const std::string mother =
            database_
                ->exec("SELECT record->'mother'->>'id_number' FROM civil_status_records "
                       "WHERE kind = 'birth' AND record ? 'mother' ORDER BY id LIMIT 1")
                .text(0, 0);
        const QString id = QString::fromStdString(mother);
        const HubReply reply = civilStatus(request(id), token_);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value("source").toString(), QStringLiteral("hub"));
        QVERIFY(reply.json.value("lookup_id").toString().startsWith(QStringLiteral("lk_")));
        QCOMPARE(reply.header("cache-control"), QByteArray("no-store"));

        const QJsonArray births = reply.json.value("births").toArray();
        const QJsonArray marriages = reply.json.value("marriages").toArray();
        const QJsonArray deaths = reply.json.value("deaths").toArray();
        QCOMPARE(births.size(), recordsOf(id, "birth"));
        QCOMPARE(marriages.size(), recordsOf(id, "marriage"));
        QCOMPARE(deaths.size(), recordsOf(id, "death"));
        QVERIFY2(marriages.size() >= 1, "every generated mother married");
        for (const QJsonValue& birth : births)
            QCOMPARE(birth.toObject().value("id_number").toString(), id); // the child's ID
        for (const QJsonValue& marriage : marriages) {
            const QJsonArray spouses = marriage.toObject().value("spouses").toArray();
            QCOMPARE(spouses.size(), 2);
            QVERIFY(spouses.at(0).toObject().value("id_number").toString() == id ||
                    spouses.at(1).toObject().value("id_number").toString() == id);
            QVERIFY(marriage.toObject().value("register").toObject().contains("book"));
        }
        for (const QJsonValue& death : deaths)
            QCOMPARE(death.toObject().value("person").toObject().value("id_number").toString(), id);
    }

    void aBirthRecordCarriesTheRegulationsFields()
    {
        const QString child = QString::fromStdString(
            database_
                ->exec("SELECT record->>'id_number' FROM civil_status_records WHERE kind = "
                       "'birth' AND record ? 'father' ORDER BY id LIMIT 1")
                .text(0, 0));
        const HubReply reply = civilStatus(request(child), token_);
        QCOMPARE(reply.status, 200);
        const QJsonObject birth = reply.json.value("births").toArray().at(0).toObject();
        for (const char* field : {"id_number", "registration_date", "registration_office", "child",
                                  "mother", "father", "register", "result_code"})
            QVERIFY2(birth.contains(QLatin1String(field)), field);
        const QJsonObject person = birth.value("child").toObject();
        for (const char* field : {"full_name", "sex", "date_of_birth", "ethnicity", "nationality",
                                  "birthplace", "home_town"})
            QVERIFY2(person.contains(QLatin1String(field)), field);
        const QJsonObject place = person.value("birthplace").toObject();
        for (const char* field : {"province_code", "district_code", "commune_code", "detail"})
            QVERIFY2(place.contains(QLatin1String(field)), field);
        // The ID's birth-year digits agree with the date of birth (REGULATIONS.md §3).
        QCOMPARE(child.mid(4, 2), person.value("date_of_birth").toString().mid(2, 2));
    }

    void anUnknownPersonHasAnEmptyBook()
    {
        const HubReply reply = civilStatus(request(QStringLiteral("096399000001")), token_);
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.json.value("births").toArray().isEmpty());
        QVERIFY(reply.json.value("marriages").toArray().isEmpty());
        QVERIFY(reply.json.value("deaths").toArray().isEmpty());
    }

    void aLookUpNeedsAPurposeAWellFormedIdAndAToken()
    {
        QJsonObject noPurpose = request(QStringLiteral("001203004567"));
        noPurpose.remove(QStringLiteral("purpose"));
        const HubReply missing = civilStatus(noPurpose, token_);
        QCOMPARE(missing.status, 422);
        QCOMPARE(missing.errorCode(), QStringLiteral("purpose-missing"));
        QVERIFY(!missing.json.value("error").toObject().value("message_vi").toString().isEmpty());

        const HubReply badId = civilStatus(request(QStringLiteral("12-34")), token_);
        QCOMPARE(badId.status, 422);
        QCOMPARE(badId.errorCode(), QStringLiteral("validation-failed"));

        QJsonObject idInText = request(QStringLiteral("001203004567"));
        idInText.insert(QStringLiteral("purpose"),
                        QJsonObject{{"code", "identity-check"}, {"text", "CCCD 001203004567"}});
        QCOMPARE(civilStatus(idInText, token_).status, 422);

        const HubReply anonymous = civilStatus(request(QStringLiteral("001203004567")), {});
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(anonymous.errorCode(), QStringLiteral("token-missing"));
    }

    // The audit answers "who looked me up?" without holding the ID: its HMAC finds the calls.
    void lookUpsAreAuditedWithoutTheId()
    {
        const QString id = QStringLiteral("051203004567");
        const HubReply reply =
            civilStatus(request(id, QStringLiteral("dossier-reception")), token_);
        QCOMPARE(reply.status, 200);
        const QString lookupId = reply.json.value("lookup_id").toString();
        QCOMPARE(scalar("SELECT count(*) FROM lookups WHERE 'lk_' || id::text = $1 AND "
                        "purpose_code = 'dossier-reception' AND officer_id = 'lan.nt' AND "
                        "length(subject_hmac) = 32",
                        {lookupId.toStdString()}),
                 1);
        QCOMPARE(scalar("SELECT count(*) FROM lookups WHERE position($1 in subject_hmac::text || "
                        "officer_id || coalesce(purpose_text, '')) > 0",
                        {id.toStdString()}),
                 0);
        QByteArray output;
        QCOMPARE(hub_->admin({QStringLiteral("lookups-of"), id}, &output), 0);
        QVERIFY2(output.contains(lookupId.toUtf8()), output.constData());
        QVERIFY(output.contains("ho-tich-1"));
        QCOMPARE(
            hub_->admin({QStringLiteral("lookups-of"), QStringLiteral("051203004568")}, &output),
            0);
        QVERIFY2(!output.contains("lk_"), output.constData());

        const HubReply status = hub_->get(QStringLiteral("/v1/status"));
        QVERIFY(status.json.value("queues").toObject().value("lookups_last_hour").toInt() >= 1);
    }

    void aWorkstationIsLimitedPerHour()
    {
        const QString token = hub_->addWorkstation(QStringLiteral("ho-tich-2"));
        // 120 look-ups in the last hour (the default limit), made 50 minutes ago.
        database_->exec(
            "INSERT INTO lookups(workstation_id, officer_id, kind, purpose_code, subject_hmac, "
            "source, result_count, looked_up_at) SELECT w.id, 'x', 'documents', "
            "'identity-check', decode(repeat('00', 32), 'hex'), 'hub', 0, "
            "now() - interval '50 minutes' FROM workstations w, generate_series(1, 120) "
            "WHERE w.name = 'ho-tich-2'");
        const HubReply limited = civilStatus(request(QStringLiteral("001203004567")), token);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), QStringLiteral("rate-limited"));
        const int wait = limited.retryAfter.toInt();
        QVERIFY2(wait > 0 && wait <= 600, limited.retryAfter.constData());
        // Other workstations are not held back.
        QCOMPARE(civilStatus(request(QStringLiteral("001203004567")), token_).status, 200);
    }

    void anUnavailableSourceIsA503TheClientMayRetry()
    {
        database_->exec("ALTER TABLE civil_status_subjects RENAME TO civil_status_subjects_away");
        const HubReply down = civilStatus(request(QStringLiteral("001203004567")), token_);
        database_->exec("ALTER TABLE civil_status_subjects_away RENAME TO civil_status_subjects");
        QCOMPARE(down.status, 503);
        QCOMPARE(down.errorCode(), QStringLiteral("civil-status-source-unavailable"));
        QVERIFY(!down.retryAfter.isEmpty());
        QCOMPARE(civilStatus(request(QStringLiteral("001203004567")), token_).status, 200);
    }

    void cleanupTestCase() { hub_->stop(); }
};

QTEST_MAIN(TestHubLookups)
#include "test_hub_lookups.moc"
