// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli lookup against a real dev hub: a document digitized at one counter and synced is
// found from another counter by the citizen's ID and can be downloaded there for reuse (and
// by no counter that did not look it up); the civil-status book comes back with the records
// PostgreSQL holds for that person; each look-up is audited in the store with the ID masked.
#include "../server/DevHub.h"
#include "CliRunner.h"
#include "OfflineDossier.h"
#include "server/PgConnection.h"
#include "storage/Store.h"
#include "support/IncrementalPdf.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace sohoa::testing;

namespace {

const QString kApplicantId = QStringLiteral("001203004567"); // sampleDossier's applicant
const QString kAgency = QStringLiteral("000.00.00.H26");     // sampleDossier's agency

// A code as an install that has never reserved numbers gives its `number`th dossier today.
QString provisionalCode(int number)
{
    return QStringLiteral("%1-%2-P%3")
        .arg(kAgency, QDate::currentDate().toString(QStringLiteral("yyMMdd")))
        .arg(number, 4, 10, QLatin1Char('0'));
}

std::unique_ptr<sohoa::storage::Store> openStore(const CliRunner& cli)
{
    return sohoa::storage::Store::open(
        cli.storePath(), sohoa::storage::SecureBytes::fromString(CliRunner::kPassphrase));
}

} // namespace

class TestCliLookup : public QObject
{
    Q_OBJECT

    QTemporaryDir hubDir_;
    std::unique_ptr<DevHub> hub_;
    CliRunner digitizingCounter_;
    CliRunner otherCounter_;
    QByteArray document_;
    QString dossierCode_;

    QStringList hubArgs(const CliRunner& cli) const
    {
        return QStringList{QStringLiteral("--server"), hub_->url(), QStringLiteral("--ca-file"),
                           hub_->caFile()} +
               cli.storeArgs();
    }

    ToolResult lookup(const QStringList& extra, const QString& language = QStringLiteral("en"))
    {
        return otherCounter_.run(
            QStringList{QStringLiteral("lookup")} + hubArgs(otherCounter_) + extra, language);
    }

private slots:
    void initTestCase()
    {
        hub_ = DevHub::startIn(hubDir_);
        QCOMPARE(digitizingCounter_.initStore(), 0);
        QCOMPARE(otherCounter_.initStore(), 0);
        digitizingCounter_.environment().insert(
            QStringLiteral("SOHOA_SYNC_TOKEN"),
            hub_->addWorkstation(QStringLiteral("xa-a-quay-1"), kAgency));
        otherCounter_.environment().insert(
            QStringLiteral("SOHOA_SYNC_TOKEN"),
            hub_->addWorkstation(QStringLiteral("xa-b-quay-1"), kAgency));

        // A birth certificate digitized offline at the first counter, then synced.
        document_ = IncrementalPdf().bytes();
        // Made offline before any code block: a provisional code the hub replaces at sync.
        const QString provisional = provisionalCode(1);
        {
            auto store = openStore(digitizingCounter_);
            store->inTransaction([&] { addOfflineDossier(*store, provisional, document_); });
        }
        const ToolResult sync =
            digitizingCounter_.run(QStringList{QStringLiteral("sync"), QStringLiteral("--once")} +
                                   hubArgs(digitizingCounter_));
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        const auto listed = openStore(digitizingCounter_)->listDossiers();
        QCOMPARE(listed.size(), std::size_t(1));
        dossierCode_ = listed.front().code;
        QVERIFY2(!dossierCode_.contains(QStringLiteral("-P")), qPrintable(dossierCode_));
    }

    void anotherCounterFindsTheDocumentAndMayDownloadIt()
    {
        const ToolResult found =
            lookup({QStringLiteral("--id"), kApplicantId, QStringLiteral("--json")});
        QVERIFY2(found.exitCode == 0, found.err.constData());
        const QJsonObject answer = QJsonDocument::fromJson(found.out).object();
        const QJsonArray documents = answer.value("documents").toArray();
        QCOMPARE(documents.size(), 1);
        const QJsonObject document = documents.at(0).toObject();
        const QString sha256 = QString::fromLatin1(
            QCryptographicHash::hash(document_, QCryptographicHash::Sha256).toHex());
        QCOMPARE(document.value("sha256").toString(), sha256);
        QCOMPARE(document.value("size").toInt(), document_.size());
        QCOMPARE(document.value("dossier_code").toString(), dossierCode_);
        QCOMPARE(document.value("component_code").toString(), QStringLiteral("TP1"));
        QCOMPARE(document.value("kind").toInt(), 0);
        QCOMPARE(document.value("file_name").toString(), dossierCode_ + QStringLiteral(".01.pdf"));
        QVERIFY(document.value("digitized_at").toString().endsWith(QStringLiteral("+07:00")));
        QVERIFY2(!found.out.contains(kApplicantId.toUtf8()), "the owner's ID is not echoed");

        // The looking counter may fetch the file for reuse; a counter that did not look it up
        // may not, whatever hash it knows.
        const QString token = otherCounter_.environment().value(QStringLiteral("SOHOA_SYNC_TOKEN"));
        const HubReply download = hub_->get(QStringLiteral("/v1/files/") + sha256, token);
        QCOMPARE(download.status, 200);
        QCOMPARE(download.body, document_);
        const HubReply stranger = hub_->get(QStringLiteral("/v1/files/") + sha256,
                                            hub_->addWorkstation(QStringLiteral("xa-c-quay-1")));
        QCOMPARE(stranger.status, 404);
        QCOMPARE(stranger.errorCode(), QStringLiteral("file-unknown"));
        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        QCOMPARE(database
                     .exec("SELECT count(*) FROM file_downloads WHERE sha256 = decode($1, 'hex')",
                           {sha256.toStdString()})
                     .integer(0, 0),
                 1);
    }

    // The found document becomes the other counter's component, flagged reused, and reaches
    // the hub without being uploaded again.
    void theFoundDocumentIsReusedInsteadOfScanned()
    {
        const QString code = provisionalCode(1);
        {
            auto store = openStore(otherCounter_);
            store->inTransaction([&] { addOfflineDossier(*store, code); });
        }
        const QString sha256 = QString::fromLatin1(
            QCryptographicHash::hash(document_, QCryptographicHash::Sha256).toHex());
        const QStringList reuse = QStringList{QStringLiteral("reuse")} + hubArgs(otherCounter_) +
                                  QStringList{QStringLiteral("--dossier"),   code,
                                              QStringLiteral("--component"), QStringLiteral("TP1"),
                                              QStringLiteral("--sha256"),    sha256};
        const QJsonObject reused = otherCounter_.runJson(reuse).object();
        QCOMPARE(reused.value("file_name").toString(), code + QStringLiteral(".01.pdf"));
        QCOMPARE(reused.value("size").toInt(), document_.size());
        QVERIFY(!reused.value("already_held").toBool());
        QVERIFY(otherCounter_.runJson(reuse).object().value("already_held").toBool());
        {
            auto store = openStore(otherCounter_);
            const auto dossier = store->dossierByCode(code);
            QVERIFY(dossier);
            const auto& component = dossier->components.at(0);
            QVERIFY(component.component.reused);
            QCOMPARE(component.documents.size(), std::size_t(1));
            QCOMPARE(store->readBlob(component.documents.at(0).blobId), document_);
        }

        const QJsonObject sync =
            otherCounter_
                .runJson(QStringList{QStringLiteral("sync"), QStringLiteral("--once")} +
                         hubArgs(otherCounter_))
                .object();
        QCOMPARE(sync.value("operations").toObject().value("pending").toInt(), 0);
        QCOMPARE(sync.value("files").toObject().value("uploaded").toInt(), 0);
        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        const auto held =
            database.exec("SELECT c->>'reused', c->'documents'->0->>'sha256' FROM dossiers d, "
                          "jsonb_array_elements(d.payload->'components') c "
                          "WHERE d.provisional_code = $1 AND d.workstation_id = "
                          "(SELECT id FROM workstations WHERE name = 'xa-b-quay-1')",
                          {code.toStdString()});
        QCOMPARE(held.rows(), 1);
        QCOMPARE(held.text(0, 0), std::string("true"));
        QCOMPARE(held.text(0, 1), sha256.toStdString());

        // A hash no look-up returned to this counter is refused by the hub.
        const ToolResult unknown = otherCounter_.run(
            QStringList{QStringLiteral("reuse")} + hubArgs(otherCounter_) +
            QStringList{QStringLiteral("--dossier"), code, QStringLiteral("--component"),
                        QStringLiteral("TP1"), QStringLiteral("--sha256"),
                        QString(64, QLatin1Char('a'))});
        QCOMPARE(unknown.exitCode, 4);
    }

    void theLookUpIsAuditedWithTheIdMasked()
    {
        const ToolResult found =
            lookup({QStringLiteral("--id"), kApplicantId, QStringLiteral("--json")});
        QCOMPARE(found.exitCode, 0);
        const QString lookupId =
            QJsonDocument::fromJson(found.out).object().value("lookup_id").toString();
        auto store = openStore(otherCounter_);
        bool audited = false;
        for (const auto& event : store->events(QString()))
            if (event.action == QLatin1String("lookup") && event.detail.contains(lookupId)) {
                audited = true;
                QVERIFY2(!event.detail.contains(kApplicantId), qPrintable(event.detail));
                QVERIFY(event.detail.contains(QStringLiteral("document-reuse")));
                QVERIFY(event.detail.contains(QStringLiteral("\"documents\":1")));
            }
        QVERIFY(audited);
    }

    void theCivilStatusBookMatchesTheHubsRecords()
    {
        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        const auto person = database.exec(
            "SELECT s.id_number, count(*) FILTER (WHERE r.kind = 'birth'), "
            "count(*) FILTER (WHERE r.kind = 'marriage'), count(*) FILTER (WHERE r.kind = 'death') "
            "FROM civil_status_subjects s JOIN civil_status_records r ON r.id = s.record_id "
            "GROUP BY s.id_number ORDER BY count(*) DESC, s.id_number LIMIT 1");
        const QString id = QString::fromStdString(person.text(0, 0));
        const ToolResult found =
            lookup({QStringLiteral("--id"), id, QStringLiteral("--civil-status"),
                    QStringLiteral("--json")});
        QVERIFY2(found.exitCode == 0, found.err.constData());
        const QJsonObject book = QJsonDocument::fromJson(found.out).object();
        QCOMPARE(book.value("births").toArray().size(), person.integer(0, 1));
        QCOMPARE(book.value("marriages").toArray().size(), person.integer(0, 2));
        QCOMPARE(book.value("deaths").toArray().size(), person.integer(0, 3));
        QVERIFY(person.integer(0, 1) + person.integer(0, 2) + person.integer(0, 3) >= 2);

        // Without --json, one line per record, in the officer's language.
        const ToolResult readable = lookup(
            {QStringLiteral("--id"), id, QStringLiteral("--civil-status")}, QStringLiteral("vi"));
        QCOMPARE(readable.exitCode, 0);
        const QString text = QString::fromUtf8(readable.out);
        QCOMPARE(int(text.count(QStringLiteral("Kết hôn:"))), int(person.integer(0, 2)));
        QCOMPARE(int(text.count(QStringLiteral("Khai sinh:"))), int(person.integer(0, 1)));
    }

    void badInputIsRefusedBeforeAnythingIsSent()
    {
        const ToolResult badId = lookup({QStringLiteral("--id"), QStringLiteral("12345")});
        QCOMPARE(badId.exitCode, 3);
        QVERIFY(!badId.err.contains("12345"));
        const ToolResult idInPurpose =
            lookup({QStringLiteral("--id"), kApplicantId, QStringLiteral("--purpose-text"),
                    QStringLiteral("hồ sơ của 001203004567")});
        QCOMPARE(idInPurpose.exitCode, 3);
        const ToolResult unknownDossier =
            lookup({QStringLiteral("--id"), kApplicantId, QStringLiteral("--dossier"),
                    QStringLiteral("nope")});
        QCOMPARE(unknownDossier.exitCode, 4);
    }

    void anUnreachableHubIsANetworkError()
    {
        const ToolResult offline =
            otherCounter_.run(QStringList{QStringLiteral("lookup"), QStringLiteral("--server"),
                                          QStringLiteral("https://127.0.0.1:9"),
                                          QStringLiteral("--id"), kApplicantId} +
                              otherCounter_.storeArgs());
        QCOMPARE(offline.exitCode, 9);
        QVERIFY(!offline.err.isEmpty());
    }

    // A pinned hub must show the pinned key: another key is refused before the token is sent,
    // even though its certificate chain verifies.
    void aPinnedHubMustShowThePinnedKey()
    {
        // The pin as operators compute it with OpenSSL, not with SoHoa's own code.
        QProcess openssl;
        openssl.start(QStringLiteral("sh"),
                      {QStringLiteral("-c"),
                       QStringLiteral("openssl x509 -in '%1' -pubkey -noout | openssl pkey -pubin "
                                      "-outform der | openssl dgst -sha256 -binary | base64")
                           .arg(hub_->directory() + QStringLiteral("/hub-cert.pem"))});
        QVERIFY(openssl.waitForFinished());
        const QString pin =
            QStringLiteral("sha256/") + QString::fromLatin1(openssl.readAll()).trimmed();
        const QString otherPin =
            QStringLiteral("sha256/") + QString(43, QLatin1Char('A')) + QLatin1Char('=');

        const ToolResult refused =
            lookup({QStringLiteral("--id"), kApplicantId, QStringLiteral("--pin"), otherPin});
        QCOMPARE(refused.exitCode, 5);
        QVERIFY2(refused.err.contains("pinned"), refused.err.constData());
        // The pin is kept: the next run without --pin is refused too, until the right one.
        QCOMPARE(lookup({QStringLiteral("--id"), kApplicantId}).exitCode, 5);
        const ToolResult accepted =
            lookup({QStringLiteral("--id"), kApplicantId, QStringLiteral("--pin"), otherPin,
                    QStringLiteral("--pin"), pin});
        QVERIFY2(accepted.exitCode == 0, accepted.err.constData());
        QCOMPARE(lookup({QStringLiteral("--id"), kApplicantId, QStringLiteral("--pin"),
                         QStringLiteral("sha256/short")})
                     .exitCode,
                 3);
    }

    void cleanupTestCase() { hub_.reset(); }
};

QTEST_MAIN(TestCliLookup)
#include "test_cli_lookup.moc"
