// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Catalogue.h"
#include "domain/Channel.h"
#include "imaging/PagePipeline.h"
#include "ocr/OcrEngine.h"
#include "pdf/SearchablePdfWriter.h"
#include "scanner/ScanTypes.h"
#include "storage/Store.h"
#include "usecases/ImageImport.h"

#include <QCoreApplication>
#include <QStringList>
#include <functional>
#include <vector>

namespace sohoa::usecases {

struct DigitizeRequest
{
    QString procedureCode;
    QString componentCode; // a component of the procedure, or one of its result codes
    QString applicantId;   // 12-digit personal ID, tax code, or passport number
    QString applicantName;
    QString officerId;
    domain::Channel channel = domain::Channel::Counter;

    // Where the pages come from: a scanner, or files (exactly one of the two).
    QString deviceId;
    scanner::ScanOptions scanOptions;
    QStringList inputFiles;
    SearchablePdfs searchablePdfs = SearchablePdfs::Render;
    // Simplex feeder, both sides: `turnStack` is called between the passes.
    bool manualDuplex = false;
    std::function<void()> turnStack;
    // Asked after each scanner pass whether the officer has loaded more sheets (a thick dossier
    // through a small feeder, or sheet after sheet on the glass): `problem` is the fault that
    // ended the pass (a jam...) or empty. True scans another pass into the same document.
    // Unset: one pass.
    std::function<bool(const QString& problem)> nextPass;

    ocr::OcrSettings ocr;
    int ocrJobs = 0;
    imaging::PipelineOptions cleanup; // upright turn, deskew, crop, blank flags: all on
    pdf::PdfImageOptions imageOptions;
};

struct DigitizeResult
{
    QString dossierCode;
    // No reserved number was left: the code is provisional ("Mã tạm") until the hub assigns
    // the definitive one at the next sync; the citizen's receipt must say so.
    bool codeProvisional = false;
    QString documentFileName;  // the searchable PDF of the pages (empty when none came)
    QStringList keptDocuments; // imported PDFs kept byte for byte (signed, or searchable)
    std::vector<KeptSignatureCheck> signatureChecks; // the kept signed PDFs, verified
    int pageCount = 0;
    std::vector<int> blankPages; // positions flagged blank (kept in the document)
    bool testData = false;
    // Set when the scanner failed after some pages: those pages are saved in the dossier and
    // this says what went wrong and what to do.
    QString interruption;
};

// The end-to-end path: validate everything the officer typed, then in one store transaction
// capture the pages (scan or import), clean and recognize them, and stream originals, page
// rows and the searchable PDF into the store as they are done, so a batch of any length holds
// only a few pages in memory. The dossier code exists only once the transaction has committed.
// A scanner fault after the first page keeps the pages before it (see interruption); any other
// failure stores nothing.
class DigitizeDossier
{
    Q_DECLARE_TR_FUNCTIONS(DigitizeDossier)

public:
    static DigitizeResult run(storage::Store& store, const domain::Catalogue& catalogue,
                              const DigitizeRequest& request);
};

} // namespace sohoa::usecases
