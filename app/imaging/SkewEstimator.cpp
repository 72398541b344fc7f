// SPDX-License-Identifier: GPL-3.0-or-later
#include "imaging/SkewEstimator.h"

#include "imaging/PageRaster.h"

#include <leptonica/allheaders.h>
#include <memory>

namespace sohoa::imaging {

namespace {

// Finer scans are first reduced to this; Leptonica then sweeps at about 75 dpi and refines at
// about 150 dpi, which keeps it fast while staying within a few hundredths of a degree.
constexpr double kWorkDpi = 300.0;
constexpr float kSweepStepDegrees = 1.0f;
constexpr float kSearchStopDegrees = 0.01f;

struct PixDeleter
{
    void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

// Otsu's threshold between ink and paper over the grey histogram.
int inkThreshold(const QImage& grey)
{
    const Histogram histogram = histogramOf(grey);
    double total = 0, weighted = 0;
    for (int level = 0; level < 256; ++level) {
        total += static_cast<double>(histogram[static_cast<size_t>(level)]);
        weighted += level * static_cast<double>(histogram[static_cast<size_t>(level)]);
    }
    double below = 0, belowWeighted = 0, bestSpread = -1;
    int best = 128;
    for (int level = 0; level < 255; ++level) {
        below += static_cast<double>(histogram[static_cast<size_t>(level)]);
        belowWeighted += level * static_cast<double>(histogram[static_cast<size_t>(level)]);
        const double above = total - below;
        if (below == 0 || above == 0)
            continue;
        const double meanBelow = belowWeighted / below;
        const double meanAbove = (weighted - belowWeighted) / above;
        const double spread = below * above * (meanAbove - meanBelow) * (meanAbove - meanBelow);
        if (spread > bestSpread) {
            bestSpread = spread;
            best = level;
        }
    }
    return best;
}

// 1 bit per pixel, set for ink, in Leptonica's layout (32-bit words, most significant bit first).
PixPtr toInkPix(const QImage& grey)
{
    PixPtr pix(pixCreate(grey.width(), grey.height(), 1));
    if (!pix)
        return pix;
    const int threshold = inkThreshold(grey);
    const int wordsPerLine = pixGetWpl(pix.get());
    l_uint32* data = pixGetData(pix.get());
    for (int y = 0; y < grey.height(); ++y) {
        const uchar* line = grey.constScanLine(y);
        l_uint32* words = data + static_cast<ptrdiff_t>(y) * wordsPerLine;
        for (int x = 0; x < grey.width(); ++x) {
            if (line[x] <= threshold)
                words[x >> 5] |= 0x80000000u >> (x & 31);
        }
    }
    return pix;
}

} // namespace

SkewEstimator::SkewEstimator(SkewOptions options) : options_(options) {}

SkewEstimate SkewEstimator::estimate(const QImage& page) const
{
    SkewEstimate result;
    if (page.isNull())
        return result;
    const GreyCopy grey = greyAt(page, kWorkDpi);
    const PixPtr ink = toInkPix(grey.image);
    if (!ink)
        return result;
    const double dpi = dotsPerInch(page) * grey.scale;
    const int sweepReduction = dpi >= 250 ? 4 : 2;
    const int searchReduction = dpi >= 250 ? 2 : 1;
    l_float32 angle = 0, confidence = 0;
    if (pixFindSkewSweepAndSearch(ink.get(), &angle, &confidence, sweepReduction, searchReduction,
                                  static_cast<l_float32>(options_.maxDegrees), kSweepStepDegrees,
                                  kSearchStopDegrees) != 0)
        return result;
    result.confidence = confidence;
    result.reliable = confidence >= options_.minConfidence;
    // Leptonica reports the clockwise rotation that straightens the page.
    if (result.reliable)
        result.degrees = -static_cast<double>(angle);
    return result;
}

} // namespace sohoa::imaging
