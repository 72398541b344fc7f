// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/ComponentCapture.h"

#include "signing/PdfSignatureReportJson.h"

namespace sohoa::usecases {

ComponentCapture::ComponentCapture(storage::Store& store, std::int64_t componentId,
                                   pdf::PdfMetadata metadata, ocr::OcrPool& pool,
                                   pdf::PdfImageOptions imageOptions,
                                   const signing::PdfSignatureVerifier& verifier)
    : store_(store), componentId_(componentId), metadata_(std::move(metadata)), pool_(pool),
      imageOptions_(imageOptions), verifier_(verifier), pages_(store, componentId)
{
}

QString ComponentCapture::nextFileName()
{
    return QStringLiteral("%1.%2.pdf")
        .arg(metadata_.dossierCode)
        .arg(nextNumber_++, 2, 10, QLatin1Char('0'));
}

void ComponentCapture::addPage(CapturedPage&& page, std::optional<int> position)
{
    if (!recognizer_) {
        outcome_.searchablePdf = nextFileName();
        pdfOut_.emplace(store_.newBlob(QStringLiteral("application/pdf")));
        recognizer_.emplace(pool_, *pdfOut_, metadata_, imageOptions_, &pages_);
    }
    recognizer_->addPage(std::move(page), position);
}

void ComponentCapture::keepDocument(ImportedDocument&& document)
{
    auto blob = store_.newBlob(QStringLiteral("application/pdf"));
    blob->append(document.bytes);
    storage::DocumentRecord record;
    record.componentId = componentId_;
    record.fileName = nextFileName();
    // Kept exactly as imported: never rendered, recognized or rewritten.
    record.kind =
        document.signatures.empty() ? QStringLiteral("imported-pdf") : QStringLiteral("signed-pdf");
    record.blobId = blob->finish().id;
    if (!document.signatures.empty()) {
        const signing::DocumentSignatureReport report =
            verifier_.verify(document.bytes, document.fileName);
        record.signatureVerdict = signing::verdictName(report.verdict);
        record.signatureMessage = report.message;
        record.verifiedAt = QDateTime::currentDateTimeUtc();
        outcome_.signatureChecks.push_back(
            {record.fileName, record.signatureVerdict, record.signatureMessage});
    }
    store_.insertDocument(record);
    outcome_.keptPdfs << record.fileName;
}

ComponentCapture::Outcome ComponentCapture::finish()
{
    if (recognizer_) {
        const RecognitionSummary summary = recognizer_->finish();
        outcome_.pages = summary.pages;
        outcome_.blankPositions = summary.blankPositions;
        storage::DocumentRecord record;
        record.componentId = componentId_;
        record.fileName = outcome_.searchablePdf;
        record.kind = QStringLiteral("searchable-pdf");
        record.blobId = pdfOut_->finish().id;
        store_.insertDocument(record);
    }
    return outcome_;
}

} // namespace sohoa::usecases
