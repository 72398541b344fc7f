// SPDX-License-Identifier: GPL-3.0-or-later
// Dossier codes from the store (docs/SYNC-PROTOCOL.md §8): the lowest unused number of the
// day's reserved blocks, never one twice; provisional P codes, counted per agency and day, once
// none is left; and the hub's definitive code replacing a provisional one with the documents'
// file names.
#include "support/SampleDossier.h"
#include "usecases/StoreAccess.h"
#include "usecases/StoreDossierCodeAllocator.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sohoa;
using usecases::StoreDossierCodeAllocator;

namespace {

const QDate kDay(2026, 3, 2);

domain::AgencyCode agency(const char16_t* text = u"000.00.53.H48")
{
    return domain::AgencyCode::parse(text);
}

} // namespace

class TestDossierCodeAllocator : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<storage::Store> store_;
    int stores_ = 0;

    // Allocates in its own transaction, as digitize does with the dossier's.
    domain::DossierCode allocate(const domain::AgencyCode& of = agency(), QDate day = kDay)
    {
        std::optional<domain::DossierCode> code;
        store_->inTransaction([&] { code = StoreDossierCodeAllocator(*store_).allocate(of, day); });
        return *code;
    }

    void addBlock(int first, int last, QDate day = kDay)
    {
        store_->inTransaction([&] {
            store_->addCodeBlock({QStringLiteral("000.00.53.H48"), day, first, last, 4});
        });
    }

private slots:
    void init()
    {
        const QString path = dir_.filePath(QStringLiteral("codes-%1.store").arg(++stores_));
        usecases::StoreAccess::create(path, storage::SecureBytes::fromString("passphrase one"),
                                      QStringLiteral("lan"), QStringLiteral("000.00.53.H48"));
        store_ =
            usecases::StoreAccess::open(path, storage::SecureBytes::fromString("passphrase one"));
    }

    void withoutBlocksCodesAreProvisional()
    {
        const domain::DossierCode first = allocate();
        QVERIFY(first.isProvisional());
        QCOMPARE(first.toString(), QStringLiteral("000.00.53.H48-260302-P0001"));
        QCOMPARE(allocate().toString(), QStringLiteral("000.00.53.H48-260302-P0002"));
        // Counted per agency and per day.
        QCOMPARE(allocate(agency(u"000.00.54.H48")).toString(),
                 QStringLiteral("000.00.54.H48-260302-P0001"));
        QCOMPARE(allocate(agency(), kDay.addDays(1)).toString(),
                 QStringLiteral("000.00.53.H48-260303-P0001"));
    }

    void reservedNumbersGoLowestFirstThenProvisional()
    {
        addBlock(187, 188);
        addBlock(51, 52);
        addBlock(1, 1, kDay.addDays(1)); // another day's block is not this day's
        QCOMPARE(store_->reservedNumbersLeft(QStringLiteral("000.00.53.H48"), kDay), 4);
        QStringList codes;
        for (int i = 0; i < 5; ++i)
            codes << allocate().toString();
        QCOMPARE(codes, (QStringList{QStringLiteral("000.00.53.H48-260302-0051"),
                                     QStringLiteral("000.00.53.H48-260302-0052"),
                                     QStringLiteral("000.00.53.H48-260302-0187"),
                                     QStringLiteral("000.00.53.H48-260302-0188"),
                                     QStringLiteral("000.00.53.H48-260302-P0001")}));
        QCOMPARE(store_->reservedNumbersLeft(QStringLiteral("000.00.53.H48"), kDay), 0);
        // A block granted again (a replayed answer) does not hand its numbers out twice.
        addBlock(51, 52);
        QVERIFY(allocate().isProvisional());
    }

    void aNumberTheStoreUsedBeforeIsSkipped()
    {
        store_->inTransaction([&] {
            store_->insertDossier(
                testing::sampleDossier(QStringLiteral("000.00.53.H48-260302-0001")));
        });
        addBlock(1, 2);
        QCOMPARE(allocate().toString(), QStringLiteral("000.00.53.H48-260302-0002"));
    }

    void theAssignedCodeReplacesTheProvisionalOne()
    {
        const QString provisional = allocate().toString();
        storage::DossierRecord dossier = testing::sampleDossier(provisional);
        dossier.codeProvisional = true;
        store_->inTransaction([&] {
            storage::ComponentRecord component;
            component.dossierId = store_->insertDossier(dossier);
            component.code = QStringLiteral("TP1");
            component.name = QStringLiteral("Tờ khai");
            component.id = store_->insertComponent(component);
            for (const QString& name :
                 {provisional + QStringLiteral(".01.pdf"), QStringLiteral("giay-to-khac.pdf")}) {
                auto blob = store_->newBlob(QStringLiteral("application/pdf"));
                blob->append(QByteArrayLiteral("%PDF-1.7"));
                storage::DocumentRecord document;
                document.componentId = component.id;
                document.fileName = name;
                document.kind = QStringLiteral("imported-pdf");
                document.blobId = blob->finish().id;
                store_->insertDocument(document);
            }
        });
        const QString assigned = QStringLiteral("000.00.53.H48-260302-0187");
        bool replaced = false;
        store_->inTransaction(
            [&] { replaced = store_->assignDossierCode(dossier.uuid, assigned); });
        QVERIFY(replaced);
        QVERIFY(!store_->dossierByCode(provisional));
        const auto detail = store_->dossierByCode(assigned);
        QVERIFY(detail);
        QVERIFY(!detail->dossier.codeProvisional);
        QCOMPARE(detail->dossier.formerProvisionalCode, provisional);
        QStringList names;
        for (const auto& document : detail->components.front().documents)
            names << document.fileName;
        QCOMPARE(names, (QStringList{assigned + QStringLiteral(".01.pdf"),
                                     QStringLiteral("giay-to-khac.pdf")}));
        const auto listed = store_->listDossiers();
        QCOMPARE(listed.front().formerProvisionalCode, provisional);
        QVERIFY(!listed.front().codeProvisional);
        // Only once: a second receipt for the same dossier changes nothing.
        store_->inTransaction(
            [&] { replaced = store_->assignDossierCode(dossier.uuid, QStringLiteral("X")); });
        QVERIFY(!replaced);
    }

    void cleanup() { store_.reset(); }
};

QTEST_GUILESS_MAIN(TestDossierCodeAllocator)
#include "test_dossier_code_allocator.moc"
