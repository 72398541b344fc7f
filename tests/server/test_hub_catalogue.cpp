// SPDX-License-Identifier: GPL-3.0-or-later
// The province's catalogue on a real hub and PostgreSQL (docs/SYNC-PROTOCOL.md §7.1, §5.4
// step 3): a dev hub starts with the starter catalogue as revision 1; `sohoa-hub admin
// catalogue import` stores only what a file changes as the next revision (nothing for an
// identical file); GET /v1/catalogue serves the changes since a revision, or everything; and
// once the hub holds a catalogue it refuses dossiers whose procedure or component codes are
// not in it, storing nothing of them.
#include "DevHub.h"
#include "OperationBody.h"
#include "ProvinceCatalogue.h"
#include "domain/Catalogue.h"
#include "server/PgConnection.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using sohoa::testing::creationBody;
using sohoa::testing::DevHub;
using sohoa::testing::HubReply;
using sohoa::testing::importCatalogue;
using sohoa::testing::newUuid;

namespace {

const QString kAgency = QStringLiteral("000.00.00.H26");
const QString kOperations = QStringLiteral("/v1/operations");
const QString kChanged = QStringLiteral("1.001193"); // processing days changed
const QString kRemoved = QStringLiteral("1.000894");
const QString kAdded = QStringLiteral("2.002154");

QJsonObject starterCatalogue()
{
    QFile file(QString::fromLatin1(sohoa::domain::Catalogue::kBuiltInPath));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no starter catalogue");
    return QJsonDocument::fromJson(file.readAll()).object();
}

QStringList codesOf(const QJsonArray& entries)
{
    QStringList codes;
    for (const QJsonValue& entry : entries)
        codes << (entry.isString() ? entry.toString() : entry.toObject().value("code").toString());
    codes.sort();
    return codes;
}

// The starter catalogue as a province edits it: one procedure dropped, one added (with its
// field's code), one procedure's deadline changed, and two agencies.
QJsonObject provinceCatalogue()
{
    QJsonObject catalogue =
        sohoa::testing::editedCatalogue(QStringLiteral("2026.12-H26.2"), kRemoved, kAdded);
    QJsonArray procedures = catalogue.value("procedures").toArray();
    for (qsizetype i = 0; i < procedures.size(); ++i) {
        QJsonObject procedure = procedures.at(i).toObject();
        if (procedure.value("code").toString() == kChanged) {
            procedure.insert(QStringLiteral("processingDays"), 2);
            procedures.replace(i, procedure);
        }
    }
    catalogue.insert(QStringLiteral("procedures"), procedures);
    catalogue.insert(QStringLiteral("agencies"),
                     QJsonArray{QJsonObject{{"code", "000.00.00.H26"},
                                            {"name", "UBND tỉnh Hưng Yên"},
                                            {"active", true}},
                                QJsonObject{{"code", "000.00.01.H26"},
                                            {"name", "UBND xã Tân Dân"},
                                            {"parent_code", "000.00.00.H26"}}});
    return catalogue;
}

} // namespace

class TestHubCatalogue : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<DevHub> hub_;
    QString token_;
    int nextNumber_ = 1;

    long long count(const std::string& sql, const std::vector<sohoa::hub::PgParameter>& values = {})
    {
        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        return database.exec(sql, values).integer(0, 0);
    }

    QString nextCode()
    {
        return QStringLiteral("%1-261205-%2").arg(kAgency).arg(nextNumber_++, 4, 10, QChar('0'));
    }

    QJsonObject catalogueSince(const QString& since)
    {
        const HubReply reply = hub_->get(QStringLiteral("/v1/catalogue?since=") + since, token_);
        if (reply.status != 200)
            qFatal("catalogue refused: %s", reply.body.constData());
        return reply.json;
    }

    // The refusal of `body` as a new dossier, checked to have left no dossier on the hub.
    QString refusedCreation(const QString& uuid, const QByteArray& body)
    {
        const HubReply reply = hub_->post(kOperations, body, token_, newUuid());
        if (reply.status != 422)
            qFatal("not refused: %d %s", reply.status, reply.body.constData());
        if (count("SELECT count(*) FROM dossiers WHERE uuid = $1", {uuid.toStdString()}) != 0)
            qFatal("a refused dossier was stored");
        return reply.errorCode();
    }

private slots:
    void initTestCase()
    {
        hub_ = DevHub::startIn(dir_);
        token_ = hub_->addWorkstation(QStringLiteral("quay-1"), kAgency);
        hub_->reserveCodes(token_, kAgency, QDate(2026, 12, 5), 1, 20);
    }

    // A fresh dev hub serves the starter catalogue whole as revision 1.
    void aDevHubStartsWithTheStarterCatalogue()
    {
        const QJsonObject starter = starterCatalogue();
        const QJsonObject served = catalogueSince(QStringLiteral("0"));
        QCOMPARE(served.value("revision").toInteger(), 1);
        QCOMPARE(served.value("version").toString(), starter.value("version").toString());
        QVERIFY(served.value("complete").toBool());
        QCOMPARE(codesOf(served.value("procedures").toArray()),
                 codesOf(starter.value("procedures").toArray()));
        QVERIFY(served.value("removed_procedures").toArray().isEmpty());
        // Each definition as the file has it.
        for (const QJsonValue& procedure : starter.value("procedures").toArray())
            QVERIFY(served.value("procedures").toArray().contains(procedure));
        QCOMPARE(count("SELECT count(*) FROM catalogue_revisions"), 1);
    }

    // The next revision holds exactly what the file changed; the same file again stores none.
    void anImportStoresOnlyWhatChanged()
    {
        QByteArray output;
        QCOMPARE(importCatalogue(*hub_, provinceCatalogue(), &output), 0);
        QVERIFY2(output.contains("Catalogue revision 2 stored"), output.constData());
        QCOMPARE(count("SELECT count(*) FROM catalogue_revisions"), 2);
        QCOMPARE(count("SELECT count(*) FROM catalogue_procedures WHERE revision = 2"), 3);
        QCOMPARE(count("SELECT count(*) FROM catalogue_procedures WHERE revision = 2 AND removed "
                       "AND code = $1",
                       {kRemoved.toStdString()}),
                 1);
        QCOMPARE(count("SELECT count(*) FROM catalogue_agencies WHERE revision = 2"), 2);

        QCOMPARE(importCatalogue(*hub_, provinceCatalogue(), &output), 0);
        QVERIFY2(output.contains("identical to revision 2"), output.constData());
        QCOMPARE(count("SELECT count(*) FROM catalogue_revisions"), 2);
    }

    void aFileTheWorkstationCouldNotReadIsRefused()
    {
        QJsonObject broken = provinceCatalogue();
        QJsonArray procedures = broken.value("procedures").toArray();
        procedures.append(procedures.at(0)); // a code listed twice
        broken.insert(QStringLiteral("procedures"), procedures);
        QByteArray output;
        QVERIFY(importCatalogue(*hub_, broken, &output) != 0);
        QCOMPARE(count("SELECT count(*) FROM catalogue_revisions"), 2);
    }

    // A workstation at revision 1 gets the change and the removal; one at revision 2 nothing;
    // one with none, or ahead of the hub, the whole catalogue.
    void theFeedServesTheChangesSinceARevision()
    {
        const QJsonObject change = catalogueSince(QStringLiteral("1"));
        QCOMPARE(change.value("revision").toInteger(), 2);
        QCOMPARE(change.value("version").toString(), QStringLiteral("2026.12-H26.2"));
        QVERIFY(!change.value("complete").toBool());
        QCOMPARE(codesOf(change.value("procedures").toArray()), QStringList({kChanged, kAdded}));
        QCOMPARE(codesOf(change.value("removed_procedures").toArray()), QStringList{kRemoved});
        QCOMPARE(codesOf(change.value("agencies").toArray()),
                 QStringList({QStringLiteral("000.00.00.H26"), QStringLiteral("000.00.01.H26")}));
        QVERIFY(change.value("removed_agencies").toArray().isEmpty());
        for (const QJsonValue& procedure : change.value("procedures").toArray())
            if (procedure.toObject().value("code").toString() == kAdded)
                QCOMPARE(procedure.toObject().value("fieldCode").toString(),
                         QStringLiteral("G15-HT"));

        const QJsonObject unchanged = catalogueSince(QStringLiteral("2"));
        QCOMPARE(unchanged.value("revision").toInteger(), 2);
        QVERIFY(!unchanged.value("complete").toBool());
        QVERIFY(unchanged.value("procedures").toArray().isEmpty());
        QVERIFY(unchanged.value("removed_procedures").toArray().isEmpty());

        for (const QString& whole : {QString(), QStringLiteral("0"), QStringLiteral("7")}) {
            const QJsonObject complete = catalogueSince(whole);
            QVERIFY(complete.value("complete").toBool());
            QCOMPARE(codesOf(complete.value("procedures").toArray()),
                     codesOf(provinceCatalogue().value("procedures").toArray()));
            QVERIFY(complete.value("removed_procedures").toArray().isEmpty());
            QCOMPARE(complete.value("agencies").toArray().size(), 2);
        }
    }

    void aMalformedRevisionOrNoTokenIsRefused()
    {
        const HubReply malformed = hub_->get(QStringLiteral("/v1/catalogue?since=abc"), token_);
        QCOMPARE(malformed.status, 400);
        QCOMPARE(malformed.errorCode(), QStringLiteral("malformed-request"));
        QCOMPARE(hub_->get(QStringLiteral("/v1/catalogue")).status, 401);
    }

    // Procedures the province does not offer (never, or no longer) and components their
    // procedure does not have are refused; the added procedure is accepted.
    void operationsAreCheckedAgainstTheCatalogue()
    {
        QString uuid = newUuid();
        QCOMPARE(refusedCreation(uuid, creationBody(uuid, nextCode(), QStringLiteral("1.999999"))),
                 QStringLiteral("procedure-unknown"));
        uuid = newUuid();
        QCOMPARE(refusedCreation(uuid, creationBody(uuid, nextCode(), kRemoved)),
                 QStringLiteral("procedure-unknown"));
        uuid = newUuid();
        QCOMPARE(
            refusedCreation(uuid, creationBody(uuid, nextCode(), kAdded, {QStringLiteral("TP2")})),
            QStringLiteral("component-unknown"));

        uuid = newUuid();
        const HubReply created =
            hub_->post(kOperations, creationBody(uuid, nextCode(), kAdded, {QStringLiteral("TP1")}),
                       token_, newUuid());
        QCOMPARE(created.status, 200);
        // The hub fills MaLinhVuc from its catalogue.
        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        QCOMPARE(database
                     .exec("SELECT payload->>'field_code' FROM dossiers WHERE uuid = $1",
                           {uuid.toStdString()})
                     .text(0, 0),
                 std::string("G15-HT"));

        const QByteArray attach =
            QJsonDocument(
                QJsonObject{{"dossier_uuid", uuid},
                            {"base_version", 1},
                            {"operation", "component.attach"},
                            {"recorded_at", "2026-12-05T09:00:00+07:00"},
                            {"payload",
                             QJsonObject{{"test_data", false},
                                         {"component", QJsonObject{{"code", "KQ.G15.000031"},
                                                                   {"kind", "result"},
                                                                   {"documents", QJsonArray{}}}}}}})
                .toJson(QJsonDocument::Compact);
        const HubReply attached = hub_->post(kOperations, attach, token_, newUuid());
        QCOMPARE(attached.status, 422);
        QCOMPARE(attached.errorCode(), QStringLiteral("component-unknown"));
        QCOMPARE(count("SELECT version FROM dossiers WHERE uuid = $1", {uuid.toStdString()}), 1);
    }
};

QTEST_GUILESS_MAIN(TestHubCatalogue)
#include "test_hub_catalogue.moc"
