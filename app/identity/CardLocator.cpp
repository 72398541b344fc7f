// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/CardLocator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace sohoa::identity {

namespace {
constexpr int kWorkingSize = 700; // longest side of the downscaled search image
constexpr int kPaperMargin = 10;  // grey levels below the paper that count as "not paper"

int paperLevel(const QImage& grey)
{
    std::array<int, 256> histogram{};
    for (int y = 0; y < grey.height(); ++y) {
        const uchar* row = grey.constScanLine(y);
        for (int x = 0; x < grey.width(); ++x)
            ++histogram[row[x]];
    }
    // Most of a flatbed page is paper (or the lid): the brightest level that, with everything
    // above it, covers half the pixels.
    const int half = grey.width() * grey.height() / 2;
    int count = 0;
    for (int level = 255; level >= 0; --level) {
        count += histogram[static_cast<size_t>(level)];
        if (count >= half)
            return level;
    }
    return 255;
}

double edgeSlope(const std::vector<QPointF>& points)
{
    if (points.size() < 8)
        return 0;
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (const QPointF& p : points) {
        sx += p.x();
        sy += p.y();
        sxx += p.x() * p.x();
        sxy += p.x() * p.y();
    }
    const double n = static_cast<double>(points.size());
    const double denominator = n * sxx - sx * sx;
    return denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
}
} // namespace

std::optional<CardRegion> locateCard(const QImage& page)
{
    if (page.isNull())
        return std::nullopt;
    const double scale =
        std::min(1.0, static_cast<double>(kWorkingSize) / std::max(page.width(), page.height()));
    const QImage grey = page.convertToFormat(QImage::Format_Grayscale8)
                            .scaled(std::max(1, static_cast<int>(page.width() * scale)),
                                    std::max(1, static_cast<int>(page.height() * scale)),
                                    Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const int width = grey.width();
    const int height = grey.height();
    const int threshold = paperLevel(grey) - kPaperMargin;

    std::vector<int> label(static_cast<size_t>(width * height), 0);
    auto index = [width](int x, int y) { return static_cast<size_t>(y * width + x); };
    auto dark = [&](int x, int y) { return grey.constScanLine(y)[x] < threshold; };

    int bestLabel = 0;
    int bestCount = 0;
    QRect bestBox;
    int nextLabel = 0;
    std::vector<QPoint> stack;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            if (label[index(x, y)] != 0 || !dark(x, y))
                continue;
            ++nextLabel;
            int count = 0;
            QRect box(x, y, 1, 1);
            stack.assign(1, QPoint(x, y));
            label[index(x, y)] = nextLabel;
            while (!stack.empty()) {
                const QPoint p = stack.back();
                stack.pop_back();
                ++count;
                box = box.united(QRect(p, QSize(1, 1)));
                const std::array<QPoint, 4> neighbours{
                    QPoint(p.x() + 1, p.y()), QPoint(p.x() - 1, p.y()), QPoint(p.x(), p.y() + 1),
                    QPoint(p.x(), p.y() - 1)};
                for (const QPoint& n : neighbours) {
                    if (n.x() < 0 || n.y() < 0 || n.x() >= width || n.y() >= height)
                        continue;
                    if (label[index(n.x(), n.y())] != 0 || !dark(n.x(), n.y()))
                        continue;
                    label[index(n.x(), n.y())] = nextLabel;
                    stack.push_back(n);
                }
            }
            if (count > bestCount) {
                bestCount = count;
                bestLabel = nextLabel;
                bestBox = box;
            }
        }
    }
    // A card is a solid blob of a reasonable size, not the whole image and not text.
    const double area = static_cast<double>(width) * height;
    if (bestCount < area * 0.01 || bestBox.width() > width * 0.97 ||
        bestBox.height() > height * 0.97 || bestCount < 0.6 * bestBox.width() * bestBox.height())
        return std::nullopt;

    // The top and bottom edges over the middle of the blob give its skew.
    std::vector<QPointF> top, bottom;
    const int from = bestBox.left() + bestBox.width() / 5;
    const int to = bestBox.right() - bestBox.width() / 5;
    for (int x = from; x <= to; ++x) {
        for (int y = bestBox.top(); y <= bestBox.bottom(); ++y) {
            if (label[index(x, y)] == bestLabel) {
                top.emplace_back(x, y);
                break;
            }
        }
        for (int y = bestBox.bottom(); y >= bestBox.top(); --y) {
            if (label[index(x, y)] == bestLabel) {
                bottom.emplace_back(x, y);
                break;
            }
        }
    }
    const double slope = (edgeSlope(top) + edgeSlope(bottom)) / 2;

    CardRegion region;
    region.angleDegrees = std::atan(slope) * 180 / std::numbers::pi;
    const QRect scaled(static_cast<int>(bestBox.left() / scale),
                       static_cast<int>(bestBox.top() / scale),
                       static_cast<int>(std::ceil(bestBox.width() / scale)),
                       static_cast<int>(std::ceil(bestBox.height() / scale)));
    const int margin = static_cast<int>(std::max(scaled.width(), scaled.height()) * 0.03);
    region.rect = scaled.adjusted(-margin, -margin, margin, margin).intersected(page.rect());
    return region;
}

} // namespace sohoa::identity
