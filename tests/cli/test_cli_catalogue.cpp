// SPDX-License-Identifier: GPL-3.0-or-later
// The province's catalogue reaching a workstation (docs/SYNC-PROTOCOL.md §7.1) from a real dev
// hub: the first sync stores the hub's catalogue (the starter one, revision 1); a procedure the
// province adds is stored by the next sync, after which `sohoa-cli digitize` makes dossiers of
// it with the hub stopped, and they are delivered when it is back; a procedure the province
// removes is refused by digitize.
#include "../server/DevHub.h"
#include "../server/ProvinceCatalogue.h"
#include "CliRunner.h"
#include "domain/Catalogue.h"
#include "server/PgConnection.h"
#include "storage/Store.h"
#include "support/RenderedPage.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sohoa::testing;

namespace {

const QString kAgency = QStringLiteral("000.00.00.H26");
const QString kAdded = QStringLiteral("2.002154");
const QString kRemoved = QStringLiteral("1.000894");

} // namespace

class TestCliCatalogue : public QObject
{
    Q_OBJECT

    CliRunner cli_;
    QTemporaryDir hubDir_;
    std::unique_ptr<DevHub> hub_;
    QString page_;

    QStringList syncOnce() const
    {
        return QStringList{QStringLiteral("sync"),      QStringLiteral("--once"),
                           QStringLiteral("--server"),  hub_->url(),
                           QStringLiteral("--ca-file"), hub_->caFile()} +
               cli_.storeArgs();
    }

    QJsonObject sync() { return cli_.runJson(syncOnce()).object(); }

    ToolResult digitize(const QString& procedure)
    {
        return cli_.run(QStringList{QStringLiteral("digitize"), QStringLiteral("--input"), page_,
                                    QStringLiteral("--procedure"), procedure,
                                    QStringLiteral("--component"), QStringLiteral("TP1"),
                                    QStringLiteral("--applicant-id"),
                                    QStringLiteral("001203004567"), QStringLiteral("--json")} +
                        cli_.storeArgs());
    }

    std::unique_ptr<sohoa::storage::Store> openStore()
    {
        return sohoa::storage::Store::open(
            cli_.storePath(), sohoa::storage::SecureBytes::fromString(CliRunner::kPassphrase));
    }

    QString storedRevision()
    {
        return openStore()->setting(QStringLiteral("sync.catalogue_revision")).value_or(QString());
    }

    // The details of the store's `catalogue-updated` audit events, oldest first.
    QStringList catalogueUpdates()
    {
        QStringList details;
        for (const sohoa::storage::EventRecord& event : openStore()->events(QString()))
            if (event.action == QLatin1String("catalogue-updated"))
                details << event.detail;
        return details;
    }

private slots:
    void initTestCase()
    {
        QFile::setPermissions(hubDir_.path(), QFile::permissions(hubDir_.path()) | QFile::ExeOther);
        hub_ = std::make_unique<DevHub>(hubDir_.filePath(QStringLiteral("hub")));
        hub_->start();
        cli_.environment().insert(QStringLiteral("SOHOA_SYNC_TOKEN"),
                                  hub_->addWorkstation(QStringLiteral("quay-1"), kAgency));
        QCOMPARE(cli_.initStore(), 0);
        page_ = cli_.path(QStringLiteral("trang.png"));
        QVERIFY(renderPage(samplePageLines().mid(0, 3), 150).image.save(page_));
    }

    // Before any sync the built-in catalogue serves; the first sync stores the hub's whole.
    void theFirstSyncStoresTheHubsCatalogue()
    {
        QCOMPARE(storedRevision(), QString());
        const QJsonObject first = sync();
        QCOMPARE(first.value("catalogue_revision").toInteger(), 1);
        QCOMPARE(first.value("catalogue_changed").toInt(),
                 static_cast<int>(sohoa::domain::Catalogue::loadBuiltIn().procedures().size()));
        QCOMPARE(storedRevision(), QStringLiteral("1"));
        QCOMPARE(catalogueUpdates().size(), 1);
        QVERIFY2(catalogueUpdates().first().startsWith(QLatin1String("revision 1 (")),
                 qPrintable(catalogueUpdates().first()));
        // Nothing new: nothing changes.
        const QJsonObject second = sync();
        QCOMPARE(second.value("catalogue_revision").toInteger(), 1);
        QCOMPARE(second.value("catalogue_changed").toInt(), 0);
    }

    // The province adds a procedure: once synced, the workstation digitizes it offline, and
    // the next sync delivers the dossier, which the hub accepts under its catalogue.
    void anAddedProcedureWorksOfflineAndIsDelivered()
    {
        QVERIFY(digitize(kAdded).exitCode != 0); // not in the starter catalogue
        QCOMPARE(importCatalogue(
                     *hub_, editedCatalogue(QStringLiteral("2026.12-H26.2"), kRemoved, kAdded)),
                 0);

        const ToolResult plain = cli_.run(syncOnce());
        QCOMPARE(plain.exitCode, 0);
        QVERIFY2(plain.out.contains("Catalogue of the province: revision 2 (2 changed)."),
                 plain.out.constData());
        QCOMPARE(storedRevision(), QStringLiteral("2"));
        QCOMPARE(catalogueUpdates().last(),
                 QStringLiteral("revision 2 (2026.12-H26.2): procedures 1 new or changed, 1 "
                                "removed; agencies 0 new or changed, 0 removed"));

        hub_->stop();
        const ToolResult digitized = digitize(kAdded);
        QCOMPARE(digitized.exitCode, 0);
        const QString code =
            QJsonDocument::fromJson(digitized.out).object().value("dossier_code").toString();
        QVERIFY(!code.isEmpty());

        hub_->start();
        const QJsonObject delivered = sync();
        QCOMPARE(delivered.value("operations").toObject().value("parked").toInt(), 0);
        QCOMPARE(delivered.value("operations").toObject().value("pending").toInt(), 0);
        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        QCOMPARE(database
                     .exec("SELECT count(*) FROM dossiers WHERE code = $1 AND "
                           "payload->>'procedure_code' = $2",
                           {code.toStdString(), kAdded.toStdString()})
                     .integer(0, 0),
                 1);
    }

    // A procedure the province removed is no longer offered for new dossiers.
    void aRemovedProcedureIsRefusedByDigitize()
    {
        const ToolResult refused = digitize(kRemoved);
        QCOMPARE(refused.exitCode, 4);
        QVERIFY2(refused.err.contains(kRemoved.toUtf8()), refused.err.constData());
    }
};

QTEST_MAIN(TestCliCatalogue)
#include "test_cli_catalogue.moc"
