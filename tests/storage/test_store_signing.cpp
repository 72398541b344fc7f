// SPDX-License-Identifier: GPL-3.0-or-later
// The store's signing tables: signed PDFs replace their document's blob, signatures and their
// time-stamp queue, trust anchors, the demo identity kept encrypted.
#include "storage/Store.h"
#include "storage/StoreError.h"
#include "support/SampleDossier.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sohoa::storage;

namespace {

std::int64_t storeBlob(Store& store, const QByteArray& bytes)
{
    auto blob = store.newBlob("application/pdf");
    blob->append(bytes);
    return blob->finish().id;
}

// A dossier with one component holding one document; returns the document's id.
std::int64_t addDocument(Store& store, const QByteArray& pdf)
{
    DossierRecord dossier =
        sohoa::testing::sampleDossier(QStringLiteral("000.00.00.H26-261205-0001"));
    dossier.uuid = QStringLiteral("uuid-signing");
    ComponentRecord component;
    component.dossierId = store.insertDossier(dossier);
    component.code = QStringLiteral("TP1");
    component.name = QStringLiteral("Tờ khai");
    DocumentRecord document;
    document.componentId = store.insertComponent(component);
    document.fileName = QStringLiteral("000.00.00.H26-261205-0001.01.pdf");
    document.kind = QStringLiteral("searchable-pdf");
    document.blobId = storeBlob(store, pdf);
    return store.insertDocument(document);
}

SignatureRecord signature(std::int64_t documentId, const QString& field, const QString& status)
{
    SignatureRecord s;
    s.documentId = documentId;
    s.fieldName = field;
    s.signer = QStringLiteral("Nguyễn Văn Ký");
    s.certificate = QByteArray("certificate DER");
    s.signedAt = QDateTime::currentDateTimeUtc();
    s.level = QStringLiteral("PAdES-B-B");
    s.timestampStatus = status;
    return s;
}

} // namespace

class TestStoreSigning : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    int stores_ = 0;

    std::unique_ptr<Store> newStore()
    {
        const QString file = dir_.filePath(QStringLiteral("s%1.sohoa").arg(++stores_));
        Store::create(file, SecureBytes::fromString("signing store"), "officer",
                      KdfParams::cheapForTests());
        return Store::open(file, SecureBytes::fromString("signing store"));
    }

private slots:
    void signedPdfReplacesTheDocumentBlob()
    {
        auto store = newStore();
        std::int64_t documentId = 0;
        std::int64_t unsignedBlob = 0;
        std::int64_t signedBlob = 0;
        store->inTransaction([&] {
            documentId = addDocument(*store, "%PDF-1.7 unsigned");
            unsignedBlob = store->document(documentId)->blobId;
            signedBlob = storeBlob(*store, "%PDF-1.7 unsigned + signature");
            store->replaceDocumentBlob(documentId, signedBlob);
        });
        QCOMPARE(store->document(documentId)->blobId, signedBlob);
        QCOMPARE(store->readBlob(signedBlob), QByteArray("%PDF-1.7 unsigned + signature"));
        QVERIFY_THROWS_EXCEPTION(StoreError, store->readBlob(unsignedBlob));
        QVERIFY(!store->document(documentId + 1).has_value());
    }

    void timestampQueueHoldsOnlyAwaitingSignatures()
    {
        auto store = newStore();
        std::int64_t documentId = 0;
        std::int64_t awaiting = 0;
        store->inTransaction([&] {
            documentId = addDocument(*store, "%PDF");
            store->insertSignature(signature(documentId, "Signature1", "none"));
            awaiting = store->insertSignature(signature(documentId, "Signature2", "awaiting"));
        });
        auto queue = store->signaturesAwaitingTimestamp();
        QCOMPARE(queue.size(), std::size_t{1});
        QCOMPARE(queue.front().id, awaiting);
        QCOMPARE(queue.front().fieldName, QStringLiteral("Signature2"));
        QCOMPARE(queue.front().signer, QStringLiteral("Nguyễn Văn Ký"));

        store->inTransaction([&] { store->setSignatureTimestamped(awaiting, "PAdES-B-T"); });
        QVERIFY(store->signaturesAwaitingTimestamp().empty());
        const auto all = store->signaturesOfDocument(documentId);
        QCOMPARE(all.size(), std::size_t{2});
        QCOMPARE(all.back().level, QStringLiteral("PAdES-B-T"));
        QCOMPARE(all.back().timestampStatus, QStringLiteral("stamped"));
        QCOMPARE(all.front().level, QStringLiteral("PAdES-B-B"));

        store->inTransaction([&] { store->setSignatureCovered(all.front().id); });
        QCOMPARE(store->signaturesOfDocument(documentId).front().timestampStatus,
                 QStringLiteral("covered"));
        QCOMPARE(store->dossierUuidOfDocument(documentId), QStringLiteral("uuid-signing"));
    }

    void trustAnchorIsAddedOnce()
    {
        auto store = newStore();
        TrustAnchorRecord anchor;
        anchor.sha256 = QByteArray(32, '\x5a');
        anchor.subject = QStringLiteral("CN=Root CA Thử");
        anchor.notAfter = QDateTime::currentDateTimeUtc().addYears(5);
        anchor.certificate = QByteArray("root DER");
        anchor.addedBy = QStringLiteral("officer");
        bool first = false;
        bool second = true;
        store->inTransaction([&] {
            first = store->addTrustAnchor(anchor);
            second = store->addTrustAnchor(anchor);
        });
        QVERIFY(first);
        QVERIFY(!second);
        const auto anchors = store->trustAnchors();
        QCOMPARE(anchors.size(), std::size_t{1});
        QCOMPARE(anchors.front().subject, anchor.subject);
        QCOMPARE(anchors.front().certificate, anchor.certificate);
    }

    void demoIdentityIsKeptEncryptedAndReadBack()
    {
        const QByteArray key("-----PRIVATE KEY MATERIAL 0123456789-----");
        const QString file = dir_.filePath(QStringLiteral("identity.sohoa"));
        Store::create(file, SecureBytes::fromString("signing store"), "officer",
                      KdfParams::cheapForTests());
        {
            auto store = Store::open(file, SecureBytes::fromString("signing store"));
            SigningIdentityRecord identity;
            identity.kind = QStringLiteral("demo");
            identity.certificateChain = {QByteArray("leaf DER"), QByteArray(70'000, 'r')};
            identity.privateKey = SecureBytes::fromString(key.toStdString());
            store->inTransaction([&] { store->saveSigningIdentity(identity); });
        }
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(!raw.readAll().contains(key));

        auto store = Store::open(file, SecureBytes::fromString("signing store"));
        QVERIFY(!store->signingIdentity(QStringLiteral("officer-token")).has_value());
        const auto identity = store->signingIdentity(QStringLiteral("demo"));
        QVERIFY(identity.has_value());
        QCOMPARE(identity->certificateChain.size(), 2);
        QCOMPARE(identity->certificateChain.at(0), QByteArray("leaf DER"));
        QCOMPARE(identity->certificateChain.at(1), QByteArray(70'000, 'r'));
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(identity->privateKey.data()),
                            static_cast<qsizetype>(identity->privateKey.size())),
                 key);
    }
};

QTEST_GUILESS_MAIN(TestStoreSigning)
#include "test_store_signing.moc"
