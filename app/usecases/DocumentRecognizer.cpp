// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/DocumentRecognizer.h"

#include "ocr/OrientationDetector.h"

#include <QBuffer>
#include <QStringList>

namespace sohoa::usecases {

QString RecognizedDocument::plainText() const
{
    QStringList out;
    for (const ocr::PageText& text : texts)
        out << text.plainText();
    return out.join(QLatin1Char('\f'));
}

void DocumentRecognizer::addPage(CapturedPage&& page)
{
    tickets_.push_back(pool_.submit(page.image, page.dpi));
    pages_.push_back(std::move(page));
}

RecognizedDocument DocumentRecognizer::finish(const pdf::PdfMetadata& metadata,
                                              const pdf::PdfImageOptions& imageOptions)
{
    RecognizedDocument document;
    for (const ocr::OcrTicket& ticket : tickets_)
        document.texts.push_back(ticket.result.get()); // rethrows a worker's UserError
    QBuffer buffer(&document.pdf);
    buffer.open(QIODevice::WriteOnly);
    pdf::SearchablePdfWriter writer(buffer, metadata, imageOptions);
    for (std::size_t i = 0; i < pages_.size(); ++i)
        writer.addPage(
            ocr::OrientationDetector::rotated(pages_[i].image, document.texts[i].rotation),
            pages_[i].dpi, document.texts[i]);
    writer.finish();
    document.pages = std::move(pages_);
    tickets_.clear();
    return document;
}

} // namespace sohoa::usecases
