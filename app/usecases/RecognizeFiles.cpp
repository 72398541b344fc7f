// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/RecognizeFiles.h"

#include "usecases/DocumentRecognizer.h"
#include "usecases/ImageImport.h"

#include <QBuffer>
#include <QStringList>

namespace sohoa::usecases {

namespace {
// Keeps each page's text; the pixels go nowhere but the PDF.
class TextCollector : public RecognizedPageSink
{
public:
    explicit TextCollector(std::vector<QString>& texts) : texts_(texts) {}
    void pageCaptured(int /*position*/, const CapturedPage& /*page*/) override {}
    void pageRecognized(int /*position*/, const ocr::PageResult& result) override
    {
        texts_.push_back(result.text.plainText());
    }

private:
    std::vector<QString>& texts_;
};
} // namespace

QString RecognizedDocument::plainText() const
{
    return QStringList(pageTexts.begin(), pageTexts.end()).join(QLatin1Char('\f'));
}

RecognizedDocument recognizeFiles(const RecognizeFilesRequest& request)
{
    RecognizedDocument document;
    ocr::OcrPool pool(request.ocr, request.jobs);
    QBuffer buffer(&document.pdf);
    buffer.open(QIODevice::WriteOnly);
    TextCollector texts(document.pageTexts);
    DocumentRecognizer recognizer(pool, buffer, request.metadata, request.image, &texts);
    for (const QString& input : request.inputs)
        ImageImport::importFile(
            input, request.pdfInputDpi,
            [&](CapturedPage&& page) { recognizer.addPage(std::move(page)); },
            ImageImport::refuseSignedDocuments());
    recognizer.finish();
    return document;
}

} // namespace sohoa::usecases
