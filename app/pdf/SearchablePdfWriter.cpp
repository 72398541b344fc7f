// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/SearchablePdfWriter.h"

#include "domain/UserError.h"
#include "pdf/EmbeddedFont.h"
#include "pdf/GlyphlessFont.h"
#include "pdf/PdfSyntax.h"
#include "pdf/SrgbOutputIntent.h"
#include "pdf/TextLayer.h"
#include "pdf/XmpMetadata.h"

#include <QImage>
#include <stdexcept>
#include <utility>

namespace sohoa::pdf {

namespace {
constexpr char imageResource[] = "Im0";
constexpr char fontResource[] = "F0";
// PDF 1.7 implementation limit (ISO 32000-1, Annex C): 200 inches.
constexpr double maxPageSize = 14400;
} // namespace

SearchablePdfWriter::SearchablePdfWriter(QIODevice& out, PdfMetadata meta, PdfImageOptions options)
    : meta_(std::move(meta)), options_(options), writer_(out)
{
    pagesObject_ = writer_.reserve();
    fontObject_ = writer_.reserve();
}

void SearchablePdfWriter::addPage(const QImage& image, int dpi, const ocr::PageText& text,
                                  std::optional<int> position)
{
    if (finished_)
        throw std::logic_error("SearchablePdfWriter: addPage() after finish()");
    const int at = position.value_or(pageObjects_.empty() ? 1 : pageObjects_.rbegin()->first + 1);
    if (pageObjects_.contains(at))
        throw std::logic_error("SearchablePdfWriter: two pages at one position");
    if (image.isNull())
        throw UserError(ErrorKind::Processing, tr("Cannot add an empty page image to the PDF."));
    if (dpi <= 0)
        throw UserError(ErrorKind::Processing,
                        tr("Cannot add a page with a resolution of %1 dpi to the PDF.").arg(dpi));

    const double pointsPerPixel = 72.0 / dpi;
    const double widthPoints = image.width() * pointsPerPixel;
    const double heightPoints = image.height() * pointsPerPixel;
    if (widthPoints > maxPageSize || heightPoints > maxPageSize)
        throw UserError(ErrorKind::Processing,
                        tr("A %1 x %2 pixel image at %3 dpi is larger than a PDF page may be.")
                            .arg(image.width())
                            .arg(image.height())
                            .arg(dpi));
    const QByteArray width = syntax::number(widthPoints);
    const QByteArray height = syntax::number(heightPoints);

    // Encode before reserving object numbers: a failure must not leave a reserved object that
    // is never written.
    EncodedImage encoded = PdfImageEncoder::encode(image, options_);
    const int imageObject = writer_.reserve();
    const int contentObject = writer_.reserve();
    const int pageObject = writer_.reserve();
    writer_.writeStream(imageObject, encoded.dictionaryEntries, encoded.data);
    encoded = {}; // the next page's image should not have to share memory with this one

    QByteArray content = "q " + width + " 0 0 " + height + " 0 0 cm /" + imageResource + " Do Q\n";
    content += buildTextLayer(text, {pointsPerPixel, heightPoints}, fontResource, encoder_);
    writer_.writeStream(contentObject, "/Filter /FlateDecode", syntax::flate(content));

    writer_.writeObject(pageObject, "<< /Type /Page /Parent " + syntax::reference(pagesObject_) +
                                        " /MediaBox [0 0 " + width + ' ' + height +
                                        "] /Resources << /XObject << /" + imageResource + ' ' +
                                        syntax::reference(imageObject) + " >> /Font << /" +
                                        fontResource + ' ' + syntax::reference(fontObject_) +
                                        " >> >> /Contents " + syntax::reference(contentObject) +
                                        " >>");
    pageObjects_.emplace(at, pageObject);
}

void SearchablePdfWriter::finish()
{
    if (finished_)
        throw std::logic_error("SearchablePdfWriter: finish() called twice");
    if (pageObjects_.empty())
        throw UserError(ErrorKind::Processing, tr("Cannot write a PDF without pages."));
    finished_ = true;

    writeEmbeddedFont(writer_, fontObject_, glyphless::embeddedProgram(), encoder_);

    QByteArray kids;
    for (const auto& [position, page] : pageObjects_)
        kids += syntax::reference(page) + ' ';
    kids.chop(1);
    writer_.writeObject(pagesObject_, "<< /Type /Pages /Kids [" + kids + "] /Count " +
                                          QByteArray::number(pageObjects_.size()) + " >>");

    // One instant, to the second, for the info dictionary and the XMP packet: PDF/A requires
    // them to agree, and PDF dates carry no milliseconds.
    QDateTime created =
        meta_.creationDate.isValid() ? meta_.creationDate : QDateTime::currentDateTime();
    created.setTime(QTime(created.time().hour(), created.time().minute(), created.time().second()));
    const QString producer =
        meta_.producer.isEmpty() ? QStringLiteral(SOHOA_PDF_PRODUCER) : meta_.producer;

    const int metadata = writer_.reserve();
    writer_.writeStream(metadata, "/Type /Metadata /Subtype /XML",
                        xmpPacket(meta_, producer, created));
    const int outputIntent = writeSrgbOutputIntent(writer_);
    const int catalog = writer_.reserve();
    writeCatalog(catalog, metadata, outputIntent);

    const int info = writer_.reserve();
    writeInfo(info, producer, created);

    writer_.finish("/Root " + syntax::reference(catalog) + " /Info " + syntax::reference(info));
}

void SearchablePdfWriter::writeCatalog(int catalogObject, int metadataObject,
                                       int outputIntentObject)
{
    QByteArray entries = "/Type /Catalog /Pages " + syntax::reference(pagesObject_) +
                         " /Metadata " + syntax::reference(metadataObject) + " /OutputIntents [" +
                         syntax::reference(outputIntentObject) + ']';
    if (!meta_.language.isEmpty())
        entries += " /Lang " + syntax::textString(meta_.language);
    if (!meta_.title.isEmpty())
        entries += " /ViewerPreferences << /DisplayDocTitle true >>";
    writer_.writeObject(catalogObject, "<< " + entries + " >>");
}

void SearchablePdfWriter::writeInfo(int infoObject, const QString& producer,
                                    const QDateTime& created)
{
    QByteArray entries;
    if (!meta_.title.isEmpty())
        entries += "/Title " + syntax::textString(meta_.title) + ' ';
    // Custom keys (allowed in the info dictionary) so the file still tells which dossier and
    // component it belongs to once it leaves the workstation.
    if (!meta_.dossierCode.isEmpty())
        entries += "/SohoaDossierCode " + syntax::textString(meta_.dossierCode) + ' ';
    if (!meta_.componentCode.isEmpty())
        entries += "/SohoaComponentCode " + syntax::textString(meta_.componentCode) + ' ';
    entries += "/Producer " + syntax::textString(producer) + " /CreationDate " +
               syntax::date(created) + " /ModDate " + syntax::date(created);
    writer_.writeObject(infoObject, "<< " + entries + " >>");
}

} // namespace sohoa::pdf
