// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How far the text lines of a scanned page lean (độ nghiêng), from the lines themselves.

#include <QImage>

namespace sohoa::imaging {

struct SkewOptions
{
    double maxDegrees = 15.0; // searched range either way; a page fed worse than this is re-fed
    // Leptonica's confidence (ratio of the best alignment score to the unrotated one's spread)
    // below which the page has too few lines to trust (blank pages, photos).
    double minConfidence = 3.0;
};

struct SkewEstimate
{
    // The counter-clockwise rotation in degrees that straightens the page: the value of
    // domain::PageTransform::deskew. 0 when not reliable.
    double degrees = 0.0;
    double confidence = 0.0;
    bool reliable = false;
};

class SkewEstimator
{
public:
    explicit SkewEstimator(SkewOptions options = {});

    // Works in memory only: no temporary files (pages must never reach the disk unencrypted).
    SkewEstimate estimate(const QImage& page) const;

private:
    SkewOptions options_;
};

} // namespace sohoa::imaging
