// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/ImageImport.h"

#include "domain/UserError.h"
#include "pdf/PdfSignatureProbe.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QPainter>
#include <QPdfDocument>
#include <cmath>
#include <stdexcept>

namespace sohoa::usecases {

namespace {
int dpiOf(const QImage& image)
{
    const int dotsPerMeter = image.dotsPerMeterX();
    // A file that records nothing gets Qt's default resolution: the screen's when there is one,
    // 100 dpi in a process without a GUI, 96 dpi (3780 dpm) offscreen. Treat these as unknown.
    const int qtDefault = QImage(1, 1, QImage::Format_Mono).dotsPerMeterX();
    if (dotsPerMeter <= 0 || dotsPerMeter == qtDefault || dotsPerMeter == 3780)
        return ImageImport::kAssumedImageDpi;
    return static_cast<int>(std::lround(dotsPerMeter * 0.0254));
}

// The whole file, read once: the signature probe, the PDF renderer and the image readers all
// work on these bytes, and a signed PDF is handed over as exactly these bytes.
QByteArray readWholeFile(const QString& path)
{
    QFile file(path);
    QByteArray bytes;
    if (QFileInfo(path).isFile() && file.open(QIODevice::ReadOnly))
        bytes = file.readAll();
    if (!file.isOpen() || file.error() != QFileDevice::NoError)
        throw UserError(ErrorKind::InvalidInput,
                        ImageImport::tr("Cannot read the file %1.").arg(path));
    return bytes;
}

// Whether every page carries text to extract: such a PDF is searchable as it is.
bool everyPageHasText(QPdfDocument& pdf)
{
    for (int index = 0; index < pdf.pageCount(); ++index)
        if (pdf.getAllText(index).text().trimmed().isEmpty())
            return false;
    return true;
}

// Renders the PDF's pages, or returns false without rendering when `keepSearchable` and the
// file is searchable already.
bool renderPdf(const QByteArray& bytes, const QString& path, int pdfDpi, bool keepSearchable,
               const ImageImport::PageSink& onPage)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument pdf;
    pdf.load(&buffer); // a random-access device loads at once
    if (pdf.status() != QPdfDocument::Status::Ready || pdf.pageCount() == 0)
        throw UserError(
            ErrorKind::InvalidInput,
            ImageImport::tr("%1 is not a readable PDF (damaged or password-protected).").arg(path));
    if (keepSearchable && everyPageHasText(pdf))
        return false;
    for (int index = 0; index < pdf.pageCount(); ++index) {
        const QSizeF points = pdf.pagePointSize(index);
        const QSize pixels(static_cast<int>(std::lround(points.width() * pdfDpi / 72.0)),
                           static_cast<int>(std::lround(points.height() * pdfDpi / 72.0)));
        QImage image = pdf.render(index, pixels);
        if (image.isNull())
            throw UserError(
                ErrorKind::InvalidInput,
                ImageImport::tr("Page %1 of %2 cannot be rendered.").arg(index + 1).arg(path));
        // PDF pages render on a transparent background: flatten onto white paper.
        QImage page(image.size(), QImage::Format_RGB888);
        page.fill(Qt::white);
        {
            QPainter painter(&page);
            painter.drawImage(0, 0, image);
        }
        onPage(CapturedPage{std::move(page), pdfDpi, QStringLiteral("file")});
    }
    return true;
}

void readImages(const QByteArray& bytes, const QString& path, const ImageImport::PageSink& onPage)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    if (!reader.canRead())
        throw UserError(
            ErrorKind::InvalidInput,
            ImageImport::tr("%1 is not an image SoHoa can read (PNG, JPEG, TIFF, PNM or PDF).")
                .arg(path));
    // Qt's TIFF reader counts pages from wherever the device stands, which after a page is read
    // is no longer a TIFF header: counted late, a multi-page file would end after its first page.
    reader.imageCount();
    int pageNumber = 0;
    do {
        QImage image = reader.read();
        if (image.isNull())
            throw UserError(ErrorKind::InvalidInput,
                            ImageImport::tr("Cannot read page %1 of %2: %3")
                                .arg(pageNumber + 1)
                                .arg(path, reader.errorString()));
        const int dpi = dpiOf(image);
        onPage(CapturedPage{std::move(image), dpi, QStringLiteral("file")});
        ++pageNumber;
    } while (reader.jumpToNextImage());
}
} // namespace

void ImageImport::importFile(const QString& path, int pdfDpi, const PageSink& onPage,
                             const KeptDocumentSink& onKeptDocument, SearchablePdfs searchable)
{
    if (!onPage || !onKeptDocument)
        throw std::invalid_argument("ImageImport::importFile needs both sinks");
    const QByteArray bytes = readWholeFile(path);
    if (!bytes.startsWith("%PDF-")) {
        readImages(bytes, path, onPage);
        return;
    }
    // Signatures are looked for before anything renders the file, which is never rendered
    // when it has any, valid or not: checking them is the signing feature's job.
    std::vector<pdf::PdfSignature> signatures = pdf::PdfSignatureProbe::signaturesIn(bytes, path);
    if (signatures.empty() &&
        renderPdf(bytes, path, pdfDpi, searchable == SearchablePdfs::Keep, onPage))
        return;
    onKeptDocument(ImportedDocument{bytes, QFileInfo(path).fileName(), std::move(signatures)});
}

ImageImport::KeptDocumentSink ImageImport::refuseSignedDocuments()
{
    return [](ImportedDocument&& document) {
        throw UserError(ErrorKind::InvalidInput,
                        tr("%1 is a digitally signed PDF: it can only be kept exactly as signed, "
                           "not turned into pages.")
                            .arg(document.fileName));
    };
}

} // namespace sohoa::usecases
