// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ocr/PageText.h"
#include "pdf/CidEncoder.h"
#include "pdf/PdfImageEncoder.h"
#include "pdf/PdfObjectWriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <map>
#include <optional>

class QIODevice;
class QImage;

namespace sohoa::pdf {

struct PdfMetadata
{
    QString title;
    QString dossierCode;
    QString componentCode;
    QString language = QStringLiteral("vi"); // BCP 47; the catalog's /Lang
    QString producer;                        // empty: "SoHoa <version>"
    QDateTime creationDate;                  // invalid: the time finish() runs
};

// Writes a searchable PDF/A-2b (PDF 1.7): each page is the scanned image drawn full page with
// the OCR text as an invisible layer on top (render mode 3), so viewers show the scan and
// search, select and copy the recognised text, and pdftotext returns it with every Vietnamese
// diacritic. The file carries an XMP packet (PDF/A identification, dossier metadata) and an
// sRGB output intent, has no encryption, no transparency and no scripts, and is complete
// when finish() returns: signing appends an incremental update without touching it.
//
// Everything goes to `out` (callers pass a QBuffer): no temporary file is ever written, since
// citizens' documents must not touch the disk unencrypted. Pages are streamed: addPage() writes
// the page's objects at once and keeps only their offsets, so memory stays flat however many
// pages the dossier has.
//
// Throws sohoa::UserError (ErrorKind::Processing) for invalid input and write failures.
class SearchablePdfWriter
{
    Q_DECLARE_TR_FUNCTIONS(SearchablePdfWriter)

public:
    SearchablePdfWriter(QIODevice& out, PdfMetadata meta, PdfImageOptions options = {});

    SearchablePdfWriter(const SearchablePdfWriter&) = delete;
    SearchablePdfWriter& operator=(const SearchablePdfWriter&) = delete;

    // Page size is the image size at `dpi`; `text` is in the image's pixel coordinates.
    // `position` orders the pages in the document (default: after every page so far); pages may
    // arrive out of order, as the backs of a manual duplex scan do, and gaps are closed.
    void addPage(const QImage& image, int dpi, const ocr::PageText& text,
                 std::optional<int> position = std::nullopt);

    // Writes the font, page tree, catalog, document information, xref and trailer. The writer
    // accepts nothing afterwards.
    void finish();

    int pageCount() const { return static_cast<int>(pageObjects_.size()); }

private:
    void writeCatalog(int catalogObject, int metadataObject, int outputIntentObject);
    void writeInfo(int infoObject, const QString& producer, const QDateTime& created);

    PdfMetadata meta_;
    PdfImageOptions options_;
    PdfObjectWriter writer_;
    CidEncoder encoder_;
    int pagesObject_ = 0; // reserved up front: every page names it as /Parent
    int fontObject_ = 0;  // reserved up front, written by finish() with the complete ToUnicode
    std::map<int, int> pageObjects_; // document position -> page object
    bool finished_ = false;
};

} // namespace sohoa::pdf
