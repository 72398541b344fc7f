// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ocr/PageResult.h"

#include <QByteArray>
#include <list>
#include <mutex>
#include <optional>
#include <unordered_map>

class QImage;

namespace sohoa::ocr {

// Recognized pages kept in memory, keyed by what determines the result: the page's pixels
// (after the imaging transforms), its resolution, and the engine and its settings. An officer
// who goes back to a page, or a re-run after an undone edit, gets the text without waiting.
// Memory only: OCR text is personal data and never goes to disk outside the encrypted store.
class OcrResultCache
{
public:
    explicit OcrResultCache(std::size_t capacity = 256) : capacity_(capacity) {}

    // `engineKey` names the engine and its settings (library version, languages...).
    static QByteArray keyFor(const QImage& image, int dpi, const QByteArray& engineKey);

    // Results are kept without the cleaned image (megabytes per page): a hit gets it back by
    // replaying the recorded transforms on the original.
    std::optional<PageResult> find(const QByteArray& key);
    void insert(const QByteArray& key, const PageResult& result);
    std::size_t hits() const;

private:
    using Entries = std::list<std::pair<QByteArray, PageResult>>; // most recent first
    mutable std::mutex mutex_;
    std::size_t capacity_;
    std::size_t hits_ = 0;
    Entries entries_;
    std::unordered_map<QByteArray, Entries::iterator> index_;
};

} // namespace sohoa::ocr
