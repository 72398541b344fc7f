// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "usecases/DocumentRecognizer.h"

#include <cstdint>
#include <map>

namespace sohoa::usecases {

// Stores a component's pages as they go through recognition: the original, losslessly, the
// moment it arrives (so it need not stay in memory while it waits for OCR), then the page row
// with its text, imaging transforms and blank flag once it is recognized. Runs inside the
// caller's store transaction.
class DossierPageWriter : public RecognizedPageSink
{
public:
    DossierPageWriter(storage::Store& store, std::int64_t componentId);

    void pageCaptured(int position, const CapturedPage& page) override;
    void pageRecognized(int position, const ocr::PageResult& result) override;

private:
    struct StoredOriginal
    {
        std::int64_t blobId = 0;
        int width = 0;
        int height = 0;
        int dpi = 0;
        int colorDepth = 0;
        QString source;
    };

    storage::Store& store_;
    std::int64_t componentId_;
    std::map<int, StoredOriginal> awaitingText_; // by position
};

} // namespace sohoa::usecases
