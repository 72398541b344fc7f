// SPDX-License-Identifier: GPL-3.0-or-later
#include "imaging/DocumentCropper.h"

#include "imaging/Components.h"
#include "imaging/PageRaster.h"

#include <QTransform>
#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace sohoa::imaging {

namespace {
// Coarse enough to average out noise and text into solid regions, fine enough that the edge
// lands within a few page pixels once refined.
constexpr double kWorkDpi = 50.0;
constexpr double kMmPerInch = 25.4;
constexpr double kLidBandMm = 3.0;

constexpr int kNoiseWindow = 2; // 5 × 5 page pixels: averages scanner noise below the contrast

// Mean grey level around (x, y), clipped to the image.
int meanAround(const QImage& grey, int x, int y)
{
    int sum = 0, count = 0;
    for (int yy = std::max(0, y - kNoiseWindow);
         yy <= std::min(grey.height() - 1, y + kNoiseWindow); ++yy) {
        const uchar* line = grey.constScanLine(yy);
        for (int xx = std::max(0, x - kNoiseWindow);
             xx <= std::min(grey.width() - 1, x + kNoiseWindow); ++xx) {
            sum += line[xx];
            ++count;
        }
    }
    return sum / count;
}

// Moves one edge of `box` (page pixels) to the outermost line, within `reach` pixels either
// side, where the document begins: where a few of the line's pixels leave the lid's level.
int refineEdge(const QImage& grey, const QRect& box, int lid, int contrast, Qt::Edge edge,
               int reach)
{
    const bool vertical = edge == Qt::LeftEdge || edge == Qt::RightEdge;
    const int position = edge == Qt::LeftEdge    ? box.left()
                         : edge == Qt::RightEdge ? box.right()
                         : edge == Qt::TopEdge   ? box.top()
                                                 : box.bottom();
    const int limit = (vertical ? grey.width() : grey.height()) - 1;
    const int outward = (edge == Qt::LeftEdge || edge == Qt::TopEdge) ? -1 : 1;
    const int from = std::clamp(position + outward * reach, 0, limit);
    const int to = std::clamp(position - outward * reach, 0, limit);
    const int alongFirst = vertical ? box.top() : box.left();
    const int alongLast = vertical ? box.bottom() : box.right();
    for (int line = from; line != to; line -= outward) {
        qint64 differing = 0;
        for (int along = alongFirst; along <= alongLast; ++along) {
            const int value =
                vertical ? meanAround(grey, line, along) : meanAround(grey, along, line);
            differing += std::abs(value - lid) > contrast ? 1 : 0;
        }
        // A slightly rotated card touches its bounding box only along a short stretch.
        if (differing * 50 > alongLast - alongFirst + 1)
            return line;
    }
    return position;
}

} // namespace

DocumentCropper::DocumentCropper(CropOptions options) : options_(options) {}

std::optional<QRect> DocumentCropper::find(const QImage& page, const QPolygonF& scanned) const
{
    if (page.isNull())
        return std::nullopt;
    const GreyCopy work = greyAt(page, kWorkDpi);
    const QImage& grey = work.image;
    // Fill is judged a pixel inward so that the blurred edge of the scanned area counts as fill.
    const QPolygonF seen = QTransform::fromScale(work.scale, work.scale).map(scanned);
    const auto isScanned = [&seen](int x, int y) {
        if (seen.isEmpty())
            return true;
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx)
                if (!seen.containsPoint(QPointF(x + 0.5 + dx, y + 0.5 + dy), Qt::OddEvenFill))
                    return false;
        return true;
    };
    // The lid shows along the scan's edges (a document may touch one edge, not all four).
    const int band = std::max(2, static_cast<int>(std::lround(kLidBandMm * kWorkDpi / kMmPerInch)));
    Histogram lidLevels{};
    qint64 lidPixels = 0;
    for (int y = 0; y < grey.height(); ++y) {
        const uchar* line = grey.constScanLine(y);
        const bool edgeRow = y < band || y >= grey.height() - band;
        for (int x = 0; x < grey.width(); ++x) {
            if ((edgeRow || x < band || x >= grey.width() - band) && isScanned(x, y)) {
                ++lidLevels[line[x]];
                ++lidPixels;
            }
        }
    }
    if (lidPixels == 0)
        return std::nullopt;
    const int lid = dominantLevel(lidLevels);
    Mask mask{grey.width(), grey.height(),
              std::vector<std::uint8_t>(static_cast<size_t>(grey.width()) * grey.height())};
    for (int y = 0; y < grey.height(); ++y) {
        const uchar* line = grey.constScanLine(y);
        for (int x = 0; x < grey.width(); ++x)
            mask.bits[static_cast<size_t>(y) * grey.width() + x] =
                std::abs(line[x] - lid) > options_.contrast && isScanned(x, y) ? 1 : 0;
    }

    const std::vector<Component> components = findComponents(mask);
    const double minSide = options_.minSideMm * dotsPerInch(page) * work.scale / kMmPerInch;
    const Component* document = nullptr;
    for (const Component& component : components) {
        const double boxArea = static_cast<double>(component.box.width()) * component.box.height();
        if (component.box.width() < minSide || component.box.height() < minSide ||
            component.pixels < options_.minFill * boxArea)
            continue;
        if (!document || component.pixels > document->pixels)
            document = &component;
    }
    if (!document)
        return std::nullopt;

    // Marks touching the scan's edge are shadows or deskew fill, not content.
    qint64 outside = 0;
    for (const Component& component : components) {
        if (&component != document && !component.touchesBorder &&
            !document->box.contains(component.box))
            outside += component.pixels;
    }
    if (outside > options_.maxOutsideShare * static_cast<double>(document->pixels))
        return std::nullopt;
    if (document->box.width() >= options_.fullShare * grey.width() &&
        document->box.height() >= options_.fullShare * grey.height())
        return std::nullopt;

    // Back to page pixels, then each edge refined at full resolution.
    const double toPage = 1.0 / work.scale;
    const QImage full = page.convertToFormat(QImage::Format_Grayscale8);
    QRect box(QPoint(static_cast<int>(std::floor(document->box.left() * toPage)),
                     static_cast<int>(std::floor(document->box.top() * toPage))),
              QPoint(static_cast<int>(std::ceil((document->box.right() + 1) * toPage)) - 1,
                     static_cast<int>(std::ceil((document->box.bottom() + 1) * toPage)) - 1));
    box = box.intersected(full.rect());
    const int reach = static_cast<int>(std::ceil(2 * toPage));
    const int left = refineEdge(full, box, lid, options_.contrast, Qt::LeftEdge, reach);
    const int right = refineEdge(full, box, lid, options_.contrast, Qt::RightEdge, reach);
    const int top = refineEdge(full, box, lid, options_.contrast, Qt::TopEdge, reach);
    const int bottom = refineEdge(full, box, lid, options_.contrast, Qt::BottomEdge, reach);
    return QRect(QPoint(left, top), QPoint(right, bottom));
}

} // namespace sohoa::imaging
