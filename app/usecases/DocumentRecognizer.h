// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ocr/OcrPool.h"
#include "pdf/SearchablePdfWriter.h"
#include "usecases/CapturedPage.h"

#include <QByteArray>
#include <vector>

namespace sohoa::usecases {

// The recognized result of a set of pages: per-page OCR text and the searchable PDF whose
// text layer is made of the very same words.
struct RecognizedDocument
{
    std::vector<CapturedPage> pages;
    std::vector<ocr::PageText> texts;
    QByteArray pdf;

    QString plainText() const; // pages separated by a form feed, as pdftotext does
};

// Feeds pages to the OCR pool as they arrive (so scanning and recognition overlap) and, once
// all are in, writes the two-layer PDF in memory.
class DocumentRecognizer
{
public:
    explicit DocumentRecognizer(ocr::OcrPool& pool) : pool_(pool) {}

    void addPage(CapturedPage&& page);
    int pageCount() const { return static_cast<int>(pages_.size()); }
    RecognizedDocument finish(const pdf::PdfMetadata& metadata,
                              const pdf::PdfImageOptions& imageOptions = {});

private:
    ocr::OcrPool& pool_;
    std::vector<CapturedPage> pages_;
    std::vector<ocr::OcrTicket> tickets_;
};

} // namespace sohoa::usecases
