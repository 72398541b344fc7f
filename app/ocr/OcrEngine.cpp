// SPDX-License-Identifier: GPL-3.0-or-later
#include "ocr/OcrEngine.h"

#include "domain/UserError.h"

#include <memory>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

namespace sohoa::ocr {

namespace {
struct TextDeleter
{
    void operator()(char* text) const { delete[] text; }
};
using TessText = std::unique_ptr<char, TextDeleter>;

bool isCancelled(void* flag, int /*words*/)
{
    return flag != nullptr && static_cast<const std::atomic<bool>*>(flag)->load();
}

// Tesseract reads 8-bit grey or 24-bit RGB rows; everything else is converted first.
QImage toTesseractInput(const QImage& image)
{
    if (image.format() == QImage::Format_Grayscale8 || image.format() == QImage::Format_RGB888)
        return image;
    if (image.isGrayscale())
        return image.convertToFormat(QImage::Format_Grayscale8);
    return image.convertToFormat(QImage::Format_RGB888);
}
} // namespace

OcrEngine::OcrEngine(const OcrSettings& settings) : api_(std::make_unique<tesseract::TessBaseAPI>())
{
    const QByteArray dataDir = settings.tessdataDir.toLocal8Bit();
    const QByteArray languages = settings.languages.toLatin1();
    if (api_->Init(dataDir.isEmpty() ? nullptr : dataDir.constData(), languages.constData(),
                   tesseract::OEM_LSTM_ONLY) != 0)
        throw UserError(ErrorKind::Processing,
                        tr("The OCR language data \"%1\" is not installed (package "
                           "tesseract-ocr-vie).")
                            .arg(settings.languages));
    api_->SetPageSegMode(tesseract::PSM_AUTO);
    // Keep Tesseract's own debug output off the console (and out of any log).
    api_->SetVariable("debug_file", "/dev/null");
}

OcrEngine::~OcrEngine()
{
    if (api_)
        api_->End();
}

QString OcrEngine::libraryVersion()
{
    return QString::fromLatin1(tesseract::TessBaseAPI::Version());
}

PageText OcrEngine::recognize(const QImage& image, int dpi, const std::atomic<bool>* cancelled)
{
    if (image.isNull())
        throw UserError(ErrorKind::Processing, tr("There is no page image to recognize."));
    const QImage input = toTesseractInput(image);
    const int bytesPerPixel = input.format() == QImage::Format_Grayscale8 ? 1 : 3;
    // Tesseract's adaptive classifier learns from every page an engine reads; forgetting it
    // makes a page's text depend on its pixels alone, not on which worker read what before
    // (the result cache and reproducible output both rely on that).
    api_->ClearAdaptiveClassifier();
    api_->SetImage(input.constBits(), input.width(), input.height(), bytesPerPixel,
                   static_cast<int>(input.bytesPerLine()));
    api_->SetSourceResolution(dpi > 0 ? dpi : 300);

    tesseract::ETEXT_DESC monitor;
    monitor.cancel = &isCancelled;
    monitor.cancel_this = const_cast<std::atomic<bool>*>(cancelled);
    if (api_->Recognize(&monitor) != 0 || (cancelled != nullptr && cancelled->load())) {
        api_->Clear();
        if (cancelled != nullptr && cancelled->load())
            return {};
        throw UserError(ErrorKind::Processing, tr("Text recognition failed on this page."));
    }

    PageText page;
    std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
    if (it) {
        do {
            if (it->Empty(tesseract::RIL_WORD))
                continue;
            if (page.lines.empty() || it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
                Line line;
                int left = 0, top = 0, right = 0, bottom = 0;
                it->BoundingBox(tesseract::RIL_TEXTLINE, &left, &top, &right, &bottom);
                line.box = QRect(QPoint(left, top), QPoint(right - 1, bottom - 1));
                int x1 = 0, y1 = 0, x2 = 0, y2 = 0;
                line.baselineY = it->Baseline(tesseract::RIL_TEXTLINE, &x1, &y1, &x2, &y2)
                                     ? (y1 + y2) / 2
                                     : bottom;
                page.lines.push_back(std::move(line));
            }
            const TessText text(it->GetUTF8Text(tesseract::RIL_WORD));
            if (!text)
                continue;
            Word word;
            word.text = QString::fromUtf8(text.get()).normalized(QString::NormalizationForm_C);
            if (word.text.trimmed().isEmpty())
                continue;
            int left = 0, top = 0, right = 0, bottom = 0;
            it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom);
            word.box = QRect(QPoint(left, top), QPoint(right - 1, bottom - 1));
            word.confidence = it->Confidence(tesseract::RIL_WORD);
            page.lines.back().words.push_back(std::move(word));
        } while (it->Next(tesseract::RIL_WORD));
    }
    std::erase_if(page.lines, [](const Line& line) { return line.words.empty(); });
    api_->Clear();
    return page;
}

} // namespace sohoa::ocr
