// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "usecases/DocumentRecognizer.h"

#include <QStringList>

namespace sohoa::usecases {

struct RecognizeFilesRequest
{
    QStringList inputs;
    ocr::OcrSettings ocr;
    int jobs = 0; // OCR workers; 0 = one per core
    int pdfInputDpi = 200;
    pdf::PdfMetadata metadata;
    pdf::PdfImageOptions image;
};

// Image or PDF files -> OCR -> one searchable PDF in memory (sohoa-cli ocr).
RecognizedDocument recognizeFiles(const RecognizeFilesRequest& request);

} // namespace sohoa::usecases
