// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ocr/OcrPool.h"
#include "pdf/SearchablePdfWriter.h"
#include "usecases/CapturedPage.h"

#include <QIODevice>
#include <deque>
#include <optional>
#include <vector>

namespace sohoa::usecases {

// Told about each page as it goes through recognition, so pages can be stored one by one.
class RecognizedPageSink
{
public:
    virtual ~RecognizedPageSink() = default;
    // On arrival, before recognition: the original as captured (stored once, never changed).
    virtual void pageCaptured(int position, const CapturedPage& page) = 0;
    // Once cleaned and recognized, in arrival order.
    virtual void pageRecognized(int position, const ocr::PageResult& result) = 0;
};

struct RecognitionSummary
{
    int pages = 0;
    std::vector<int> blankPositions; // flagged blank; still in the document, the officer decides
};

// Streams pages through the OCR pool (which cleans, then reads them) into a searchable PDF
// written to `pdfOut`, so scanning, cleaning, recognition and storage overlap and a batch of
// any length holds only a few pages in memory: addPage() waits when more than
// `maxPagesInFlight` are being worked on (0: one per pool worker; one more page in flight only
// costs memory, 30 MB at 300 dpi colour, without speeding the batch up).
class DocumentRecognizer
{
public:
    DocumentRecognizer(ocr::OcrPool& pool, QIODevice& pdfOut, const pdf::PdfMetadata& metadata,
                       const pdf::PdfImageOptions& imageOptions = {},
                       RecognizedPageSink* sink = nullptr, int maxPagesInFlight = 0);

    // `position`: the page's 1-based place in the document (default: after the pages so far).
    void addPage(CapturedPage&& page, std::optional<int> position = std::nullopt);
    int pageCount() const { return pageCount_; }
    // Waits for the pages still in work, then completes the PDF.
    RecognitionSummary finish();

private:
    struct InWork
    {
        int position;
        int dpi;
        ocr::OcrTicket ticket;
    };
    void completeOldest();

    ocr::OcrPool& pool_;
    pdf::SearchablePdfWriter writer_;
    RecognizedPageSink* sink_;
    std::size_t maxInWork_;
    std::deque<InWork> inWork_;
    int pageCount_ = 0;
    int lastPosition_ = 0;
    RecognitionSummary summary_;
};

} // namespace sohoa::usecases
