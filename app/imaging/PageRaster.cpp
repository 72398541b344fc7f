// SPDX-License-Identifier: GPL-3.0-or-later
#include "imaging/PageRaster.h"

#include <algorithm>
#include <cmath>

namespace sohoa::imaging {

namespace {
constexpr double kMetresPerInch = 0.0254;
constexpr double kAssumedDpi = 300.0;
constexpr int kSmoothLevels = 4;
} // namespace

double dotsPerInch(const QImage& image)
{
    const int dotsPerMetre = image.dotsPerMeterX();
    // Qt's default for images without a resolution is 72 dpi (2835 dots per metre); no scanner
    // delivers that, so it means "unknown".
    if (dotsPerMetre <= 2835)
        return kAssumedDpi;
    return dotsPerMetre * kMetresPerInch;
}

GreyCopy greyAt(const QImage& page, double targetDpi)
{
    GreyCopy out;
    const QImage grey = page.convertToFormat(QImage::Format_Grayscale8);
    const double scale = targetDpi / dotsPerInch(page);
    if (scale >= 1.0) {
        out.image = grey;
        return out;
    }
    const QSize size(std::max(1, static_cast<int>(std::lround(grey.width() * scale))),
                     std::max(1, static_cast<int>(std::lround(grey.height() * scale))));
    out.image = grey.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    out.scale = static_cast<double>(size.width()) / grey.width();
    return out;
}

Histogram histogramOf(const QImage& grey)
{
    Histogram histogram{};
    for (int y = 0; y < grey.height(); ++y) {
        const uchar* line = grey.constScanLine(y);
        for (int x = 0; x < grey.width(); ++x)
            ++histogram[line[x]];
    }
    return histogram;
}

int dominantLevel(const Histogram& histogram)
{
    int best = 255;
    qint64 bestCount = -1;
    for (int level = 0; level < 256; ++level) {
        qint64 count = 0;
        for (int near = std::max(0, level - kSmoothLevels);
             near <= std::min(255, level + kSmoothLevels); ++near)
            count += histogram[static_cast<size_t>(near)];
        if (count > bestCount) {
            bestCount = count;
            best = level;
        }
    }
    return best;
}

} // namespace sohoa::imaging
