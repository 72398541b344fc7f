// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/DossierPageWriter.h"

#include "domain/SearchFolding.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>

namespace sohoa::usecases {

namespace {
QByteArray encodeOriginal(const QImage& image)
{
    // The scan as it came from the scanner, lossless: transforms are recorded, never baked in.
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG", 50);
    return bytes;
}

int colorDepthOf(const QImage& image)
{
    if (image.format() == QImage::Format_Mono || image.format() == QImage::Format_MonoLSB)
        return 1;
    if (image.isGrayscale())
        return image.depth() >= 16 ? 16 : 8;
    return 24;
}

QString transformsJson(const std::vector<domain::PageTransform>& transforms)
{
    QJsonArray list;
    for (const domain::PageTransform& transform : transforms)
        list.append(transform.toString());
    return QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact));
}
} // namespace

DossierPageWriter::DossierPageWriter(storage::Store& store, std::int64_t componentId)
    : store_(store), componentId_(componentId)
{
}

void DossierPageWriter::pageCaptured(int position, const CapturedPage& page)
{
    auto blob = store_.newBlob(QStringLiteral("image/png"));
    blob->append(encodeOriginal(page.image));
    awaitingText_[position] =
        StoredOriginal{blob->finish().id, page.image.width(),       page.image.height(),
                       page.dpi,          colorDepthOf(page.image), page.source};
}

void DossierPageWriter::pageRecognized(int position, const ocr::PageResult& result)
{
    const auto found = awaitingText_.find(position);
    if (found == awaitingText_.end())
        throw std::logic_error("DossierPageWriter: a page was recognized but never captured");
    const StoredOriginal& original = found->second;
    storage::PageRecord page;
    page.componentId = componentId_;
    page.sequence = position;
    page.width = original.width;
    page.height = original.height;
    page.dpi = original.dpi;
    page.colorDepth = original.colorDepth;
    page.source = original.source;
    page.imageBlobId = original.blobId;
    page.transformsJson = transformsJson(result.page.transforms);
    page.blank = result.page.blank;
    page.blankScore = result.page.blankScore;
    page.ocrText = result.text.plainText();
    page.searchText = domain::foldForSearch(page.ocrText);
    store_.insertPage(page);
    awaitingText_.erase(found);
}

} // namespace sohoa::usecases
