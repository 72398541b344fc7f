// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/DocumentRecognizer.h"

#include "platform/ProcessSetup.h"

#include <algorithm>
#include <chrono>

namespace sohoa::usecases {

DocumentRecognizer::DocumentRecognizer(ocr::OcrPool& pool, QIODevice& pdfOut,
                                       const pdf::PdfMetadata& metadata,
                                       const pdf::PdfImageOptions& imageOptions,
                                       RecognizedPageSink* sink, int maxPagesInFlight)
    : pool_(pool), writer_(pdfOut, metadata, imageOptions), sink_(sink),
      maxInWork_(
          static_cast<std::size_t>(maxPagesInFlight > 0 ? maxPagesInFlight : pool.workerCount()))
{
}

void DocumentRecognizer::addPage(CapturedPage&& page, std::optional<int> position)
{
    const int at = position.value_or(lastPosition_ + 1);
    lastPosition_ = std::max(lastPosition_, at);
    ++pageCount_;
    if (sink_)
        sink_->pageCaptured(at, page);
    inWork_.push_back(InWork{at, page.dpi, pool_.submit(std::move(page.image), page.dpi)});
    // Finished pages leave at once; beyond the limit the caller (the scan) waits, which is what
    // keeps a 600-page batch from filling the memory.
    while (!inWork_.empty() && (inWork_.size() > maxInWork_ ||
                                inWork_.front().ticket.result.wait_for(std::chrono::seconds(0)) ==
                                    std::future_status::ready))
        completeOldest();
}

void DocumentRecognizer::completeOldest()
{
    InWork work = std::move(inWork_.front());
    inWork_.pop_front();
    const ocr::PageResult result = work.ticket.result.get(); // rethrows a worker's UserError
    writer_.addPage(result.page.cleaned, work.dpi, result.text, work.position);
    if (result.page.blank)
        summary_.blankPositions.push_back(work.position);
    if (sink_)
        sink_->pageRecognized(work.position, result);
    platform::releaseFreeHeapMemory();
}

RecognitionSummary DocumentRecognizer::finish()
{
    while (!inWork_.empty())
        completeOldest();
    writer_.finish();
    summary_.pages = pageCount_;
    std::sort(summary_.blankPositions.begin(), summary_.blankPositions.end());
    return summary_;
}

} // namespace sohoa::usecases
