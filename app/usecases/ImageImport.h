// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "usecases/CapturedPage.h"
#include "usecases/ImportedDocument.h"

#include <QCoreApplication>
#include <functional>

namespace sohoa::usecases {

// Reads existing files as pages: PNG, JPEG, TIFF (every page), PNM, and PDF (each page
// rendered at `pdfDpi`). Pages are handed over one by one, so a long file is never whole in RAM
// as images. A PDF carrying digital signatures is never rendered: it goes to `onKeptDocument`
// byte for byte, and no page of it reaches `onPage`. With SearchablePdfs::Keep, so does a PDF
// whose every page already has a text layer (a born-digital file, or one OCR'd before).
enum class SearchablePdfs
{
    Render, // rendered and recognized again, like a scan
    Keep,   // kept as it is, byte for byte
};

class ImageImport
{
    Q_DECLARE_TR_FUNCTIONS(ImageImport)

public:
    using PageSink = std::function<void(CapturedPage&&)>;
    using KeptDocumentSink = std::function<void(ImportedDocument&&)>;

    static constexpr int kDefaultPdfDpi = 200;
    // Dots per inch assumed for an image file that does not record its resolution.
    static constexpr int kAssumedImageDpi = 300;

    // Both sinks are required (std::invalid_argument otherwise), so every caller decides what
    // a signed PDF becomes; one that cannot keep it passes refuseSignedDocuments().
    // Throws sohoa::UserError (ErrorKind::InvalidInput) naming the file when it cannot be read.
    static void importFile(const QString& path, int pdfDpi, const PageSink& onPage,
                           const KeptDocumentSink& onKeptDocument,
                           SearchablePdfs searchable = SearchablePdfs::Render);

    // A sink that refuses a signed PDF with a message, for callers whose output would drop its
    // signatures (a new searchable PDF, pages read for data).
    static KeptDocumentSink refuseSignedDocuments();
};

} // namespace sohoa::usecases
