// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ocr/OcrEngine.h"
#include "pdf/SearchablePdfWriter.h"

#include <QByteArray>
#include <QStringList>
#include <vector>

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

// The searchable PDF and the per-page OCR text it carries.
struct RecognizedDocument
{
    std::vector<QString> pageTexts;
    QByteArray pdf;

    QString plainText() const; // pages separated by a form feed, as pdftotext does
};

// Image or PDF files -> OCR -> one searchable PDF in memory (sohoa-cli ocr). Pages are read as
// they came, only turned upright: no deskew or crop of files the officer already has.
RecognizedDocument recognizeFiles(const RecognizeFilesRequest& request);

} // namespace sohoa::usecases
