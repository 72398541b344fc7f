// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Catalogue.h"
#include "domain/Channel.h"
#include "ocr/OcrEngine.h"
#include "pdf/SearchablePdfWriter.h"
#include "scanner/ScanTypes.h"
#include "storage/Store.h"

#include <QCoreApplication>
#include <QStringList>

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

    ocr::OcrSettings ocr;
    int ocrJobs = 0;
    pdf::PdfImageOptions imageOptions;
};

struct DigitizeResult
{
    QString dossierCode;
    QString documentFileName;
    int pageCount = 0;
    bool testData = false;
};

// The first end-to-end path: validate everything the officer typed, capture the pages (scan
// or import), recognize them, build the searchable PDF, and save dossier, pages and PDF in
// one transaction. Nothing is stored unless all of it succeeds; the dossier code exists only
// once the transaction has committed.
class DigitizeDossier
{
    Q_DECLARE_TR_FUNCTIONS(DigitizeDossier)

public:
    static DigitizeResult run(storage::Store& store, const domain::Catalogue& catalogue,
                              const DigitizeRequest& request);
};

} // namespace sohoa::usecases
