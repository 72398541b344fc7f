// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ocr/PageText.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>
#include <atomic>
#include <memory>

namespace tesseract {
class TessBaseAPI;
}

namespace sohoa::ocr {

struct OcrSettings
{
    QString languages = QStringLiteral("vie"); // Tesseract's "lang1+lang2" form
    QString tessdataDir;                       // empty: TESSDATA_PREFIX or the system's
    bool uprightPages = true; // detect pages turned by quarter turns and read them upright
};

// One libtesseract instance. Not thread-safe: each worker thread owns one (TessBaseAPI keeps
// per-page state). Images are handed over in memory — nothing is written to disk.
class OcrEngine
{
    Q_DECLARE_TR_FUNCTIONS(OcrEngine)

public:
    explicit OcrEngine(const OcrSettings& settings);
    ~OcrEngine();
    OcrEngine(const OcrEngine&) = delete;
    OcrEngine& operator=(const OcrEngine&) = delete;

    // Recognizes the page; words come back NFC-normalized with pixel boxes in reading order.
    // Returns an empty PageText when `cancelled` becomes true during recognition.
    static QString libraryVersion();

    PageText recognize(const QImage& image, int dpi, const std::atomic<bool>* cancelled = nullptr);

private:
    std::unique_ptr<tesseract::TessBaseAPI> api_;
};

} // namespace sohoa::ocr
