// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Grey working copies of a page for the imaging steps: they measure on a small 8-bit image and
// map the answer back to the page's own pixels.

#include <QImage>
#include <array>

namespace sohoa::imaging {

// Dots per inch of a page image; images that carry none (imports) are taken as 300 dpi.
double dotsPerInch(const QImage& image);

struct GreyCopy
{
    QImage image;       // Format_Grayscale8
    double scale = 1.0; // working pixels per page pixel (≤ 1)
};

// An 8-bit grey copy reduced by area averaging (which also averages out scanner noise) to about
// `targetDpi`; never enlarged.
GreyCopy greyAt(const QImage& page, double targetDpi);

using Histogram = std::array<qint64, 256>;
Histogram histogramOf(const QImage& grey);

// The most common grey level, smoothed over neighbouring levels so that noise does not split it:
// the paper on a page, the lid on a flatbed scan.
int dominantLevel(const Histogram& histogram);

} // namespace sohoa::imaging
