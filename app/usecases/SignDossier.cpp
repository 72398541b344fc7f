// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/SignDossier.h"

#include "domain/UserError.h"
#include "usecases/DossierTransitions.h"
#include "usecases/OutboxWriter.h"
#include "usecases/StoreAccess.h"

namespace sohoa::usecases {

namespace {

bool isAgencyDocument(const storage::DocumentRecord& document)
{
    return document.kind == QLatin1String("searchable-pdf");
}

} // namespace

DossierSigningResult SignDossier::run(storage::Store& store, const QString& dossierCode,
                                      const PdfSigner& signer, const QString& officerId,
                                      const Progress& progress)
{
    const auto detail = StoreAccess::guarded([&] { return store.dossierByCode(dossierCode); });
    if (!detail)
        throw UserError(ErrorKind::NotFound, tr("No dossier %1 in this store.").arg(dossierCode));
    std::vector<storage::DocumentRecord> documents;
    for (const storage::ComponentDetail& component : detail->components)
        for (const storage::DocumentRecord& document : component.documents)
            if (isAgencyDocument(document))
                documents.push_back(document);
    if (documents.empty())
        throw UserError(ErrorKind::NotFound,
                        tr("Dossier %1 has no digitized document to sign.").arg(dossierCode));

    DossierSigningResult result;
    result.state = detail->dossier.state;
    const int total = static_cast<int>(documents.size());
    for (int done = 0; done < total; ++done) {
        const storage::DocumentRecord& document = documents[static_cast<std::size_t>(done)];
        if (progress && !progress(done, total, document.fileName)) {
            result.cancelled = true;
            break;
        }
        const QByteArray original =
            StoreAccess::guarded([&] { return store.readBlob(document.blobId); });
        const SignedPdf signedPdf = signer.sign(original, document.fileName);
        StoreAccess::guarded([&] {
            store.inTransaction([&] {
                auto blob = store.newBlob(QStringLiteral("application/pdf"));
                blob->append(signedPdf.pdf);
                store.replaceDocumentBlob(document.id, blob->finish().id);
                storage::SignatureRecord record;
                record.documentId = document.id;
                record.fieldName = signedPdf.fieldName;
                record.signer = signedPdf.signerName;
                record.certificate = signedPdf.signerCertificate;
                record.signedAt = signedPdf.signedAt;
                record.level = signedPdf.level;
                record.timestampStatus = signedPdf.timestampStatus;
                record.testSignature = signedPdf.testSignature;
                store.insertSignature(record);
                if (signedPdf.testSignature)
                    store.markTestData(detail->dossier.id);
                OutboxWriter::componentChanged(store, document.componentId);
                store.appendEvent({0, detail->dossier.uuid, QDateTime::currentDateTimeUtc(),
                                   officerId, QStringLiteral("document-signed"),
                                   document.fileName + QLatin1Char(' ') + signedPdf.level});
                // With its last document the dossier is signed (after the component.attach of
                // the signed files, in outbox order); signed again, it stays so.
                if (done == total - 1)
                    if (const auto change = DossierTransitions::tryApply(
                            store, detail->dossier.uuid, domain::DossierTransition::Sign,
                            officerId))
                        result.state = domain::DossierLifecycle::toString(change->to);
            });
        });
        result.signedFiles.append(document.fileName);
        if (signedPdf.timestampStatus == QLatin1String("awaiting"))
            result.awaitingTimestamp.append(document.fileName);
        result.testSignature = result.testSignature || signedPdf.testSignature;
    }
    return result;
}

} // namespace sohoa::usecases
