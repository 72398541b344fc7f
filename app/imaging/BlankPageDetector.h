// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Whether a scanned page carries nothing (trang trắng): the back of a one-sided sheet in a duplex
// batch. The page is only flagged; the officer decides whether to drop it.

#include <QImage>

namespace sohoa::imaging {

struct BlankOptions
{
    // The band along each edge where feeders and lids leave shadows and lines; ignored.
    double marginMm = 10.0;
    // Marks whose bounding box is shorter than this on its longer side are dust, not writing.
    double speckMm = 0.8;
    // How much darker than the paper a pixel must be to count as ink, in grey levels.
    int inkContrast = 60;
    // The page is blank when at most this share of its inner area is ink (after despeckling).
    // 0.00001 is about half a square millimetre on A4; a page number such as "- 3 -" covers
    // about five times more, despeckled scanner noise nothing.
    double maxInkCoverage = 0.00001;
};

struct BlankVerdict
{
    bool blank = false;
    double score = 0.0; // share of the inner area covered by ink, 0…1
};

class BlankPageDetector
{
public:
    explicit BlankPageDetector(BlankOptions options = {});

    BlankVerdict detect(const QImage& page) const;

private:
    BlankOptions options_;
};

} // namespace sohoa::imaging
