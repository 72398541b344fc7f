// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ocr/OcrPool.h"
#include "pdf/SearchablePdfWriter.h"
#include "signing/PdfSignatureVerifier.h"
#include "storage/BlobOutputDevice.h"
#include "storage/Store.h"
#include "usecases/DocumentRecognizer.h"
#include "usecases/DossierPageWriter.h"
#include "usecases/ImportedDocument.h"

#include <QStringList>
#include <optional>

namespace sohoa::usecases {

// What one dossier component receives during a capture, inside the caller's store
// transaction: pages go through cleaning and recognition into one searchable PDF (begun at the
// first page), and imported PDFs that must not be rewritten (signed, or searchable when the
// officer keeps those) are kept byte for byte as documents of their own, a signed one with its
// signatures' verdict (verification only reads the bytes). Documents are
// named <dossier code>.NN.pdf in the order they begin.
class ComponentCapture
{
public:
    struct Outcome
    {
        int pages = 0;
        std::vector<int> blankPositions;
        QString searchablePdf; // empty when no page came
        QStringList keptPdfs;  // imported PDFs kept byte for byte (signed, or searchable)
        std::vector<KeptSignatureCheck> signatureChecks; // one per kept signed PDF
    };

    // `verifier` judges the signed PDFs kept, with the store's trust anchors.
    ComponentCapture(storage::Store& store, std::int64_t componentId, pdf::PdfMetadata metadata,
                     ocr::OcrPool& pool, pdf::PdfImageOptions imageOptions,
                     const signing::PdfSignatureVerifier& verifier);

    void addPage(CapturedPage&& page, std::optional<int> position = std::nullopt);
    void keepDocument(ImportedDocument&& document);
    int pageCount() const { return recognizer_ ? recognizer_->pageCount() : 0; }
    int documentCount() const { return nextNumber_ - 1; }
    // Completes the searchable PDF and records the documents.
    Outcome finish();

private:
    QString nextFileName();

    storage::Store& store_;
    std::int64_t componentId_;
    pdf::PdfMetadata metadata_;
    ocr::OcrPool& pool_;
    pdf::PdfImageOptions imageOptions_;
    const signing::PdfSignatureVerifier& verifier_;
    DossierPageWriter pages_;
    std::optional<storage::BlobOutputDevice> pdfOut_;
    std::optional<DocumentRecognizer> recognizer_;
    int nextNumber_ = 1;
    Outcome outcome_;
};

} // namespace sohoa::usecases
