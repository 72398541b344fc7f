// SPDX-License-Identifier: GPL-3.0-or-later
#include "imaging/BlankPageDetector.h"

#include "imaging/Components.h"
#include "imaging/PageRaster.h"

#include <algorithm>
#include <cmath>

namespace sohoa::imaging {

namespace {
// Enough to keep a 0.2 mm pen stroke dark after averaging, small enough to smooth out noise.
constexpr double kWorkDpi = 150.0;
constexpr double kMmPerInch = 25.4;
} // namespace

BlankPageDetector::BlankPageDetector(BlankOptions options) : options_(options) {}

BlankVerdict BlankPageDetector::detect(const QImage& page) const
{
    BlankVerdict verdict;
    if (page.isNull()) {
        verdict.blank = true;
        return verdict;
    }
    const GreyCopy grey = greyAt(page, kWorkDpi);
    const double pixelsPerMm = dotsPerInch(page) * grey.scale / kMmPerInch;
    const int margin = static_cast<int>(std::lround(options_.marginMm * pixelsPerMm));
    const QRect inner = grey.image.rect()
                            .adjusted(margin, margin, -margin, -margin)
                            .normalized()
                            .intersected(grey.image.rect());
    if (inner.isEmpty()) {
        verdict.blank = true;
        return verdict;
    }

    const QImage area = grey.image.copy(inner);
    const int ink = dominantLevel(histogramOf(area)) - options_.inkContrast;
    Mask mask{area.width(), area.height(),
              std::vector<std::uint8_t>(static_cast<size_t>(area.width()) * area.height())};
    for (int y = 0; y < area.height(); ++y) {
        const uchar* line = area.constScanLine(y);
        for (int x = 0; x < area.width(); ++x)
            mask.bits[static_cast<size_t>(y) * area.width() + x] = line[x] < ink ? 1 : 0;
    }

    const double speck = options_.speckMm * pixelsPerMm;
    qint64 inkPixels = 0;
    for (const Component& component : findComponents(mask)) {
        if (std::max(component.box.width(), component.box.height()) >= speck)
            inkPixels += component.pixels;
    }
    verdict.score =
        static_cast<double>(inkPixels) / (static_cast<double>(area.width()) * area.height());
    verdict.blank = verdict.score <= options_.maxInkCoverage;
    return verdict;
}

} // namespace sohoa::imaging
