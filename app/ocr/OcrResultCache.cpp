// SPDX-License-Identifier: GPL-3.0-or-later
#include "ocr/OcrResultCache.h"

#include <QCryptographicHash>
#include <QImage>

namespace sohoa::ocr {

QByteArray OcrResultCache::keyFor(const QImage& image, int dpi, const QByteArray& engineKey)
{
    QCryptographicHash hash(QCryptographicHash::Blake2b_256);
    hash.addData(engineKey);
    const QByteArray shape = QByteArray::number(image.width()) + 'x' +
                             QByteArray::number(image.height()) + '@' + QByteArray::number(dpi) +
                             '/' + QByteArray::number(static_cast<int>(image.format()));
    hash.addData(shape);
    // Row by row: the padding at the end of each scan line is not part of the page.
    const auto rowBytes = static_cast<qsizetype>((image.width() * image.depth() + 7) / 8);
    for (int y = 0; y < image.height(); ++y)
        hash.addData(
            QByteArrayView(reinterpret_cast<const char*>(image.constScanLine(y)), rowBytes));
    return hash.result();
}

std::optional<PageResult> OcrResultCache::find(const QByteArray& key)
{
    std::lock_guard lock(mutex_);
    const auto found = index_.find(key);
    if (found == index_.end())
        return std::nullopt;
    entries_.splice(entries_.begin(), entries_, found->second);
    ++hits_;
    return found->second->second;
}

void OcrResultCache::insert(const QByteArray& key, const PageResult& result)
{
    PageResult kept = result;
    kept.page.cleaned = QImage();
    std::lock_guard lock(mutex_);
    if (const auto found = index_.find(key); found != index_.end()) {
        found->second->second = std::move(kept);
        entries_.splice(entries_.begin(), entries_, found->second);
        return;
    }
    entries_.emplace_front(key, std::move(kept));
    index_[key] = entries_.begin();
    if (entries_.size() > capacity_) {
        index_.erase(entries_.back().first);
        entries_.pop_back();
    }
}

std::size_t OcrResultCache::hits() const
{
    std::lock_guard lock(mutex_);
    return hits_;
}

} // namespace sohoa::ocr
