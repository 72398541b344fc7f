// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <vector>

namespace sohoa::pdf {

// A rectangle in PDF user space (y grows upwards), normalized: left <= right, bottom <= top.
struct PdfRect
{
    double left = 0;
    double bottom = 0;
    double right = 0;
    double top = 0;

    double width() const { return right - left; }
    double height() const { return top - bottom; }
    bool overlaps(const PdfRect& other) const
    {
        return left < other.right && other.left < right && bottom < other.top && other.bottom < top;
    }
};

// What a reader shows of a page: the part of the MediaBox inside the CropBox, turned clockwise
// by /Rotate (0, 90, 180 or 270).
struct PageFrame
{
    PdfRect visibleBox;
    int rotation = 0;
};

// The widget annotation's /Rect, and the /Matrix of its appearance stream that turns the stamp
// (drawn upright in a [0 0 width height] box) against the page rotation, so it reads upright.
struct StampPlacement
{
    PdfRect rect;
    std::array<double, 6> matrix{1, 0, 0, 1, 0, 0};
};

// Distance from the visible edges, and between stacked stamps, in points.
inline constexpr double stampMargin = 18;
inline constexpr double stampGap = 6;

// Places a stamp of `width` x `height` points at the top right of the page as the reader sees
// it, `stampMargin` inside the visible box, then moves it down below each of `taken` (earlier
// signatures' widgets) it would overlap, so a second signature goes under the first.
StampPlacement placeStamp(const PageFrame& page, double width, double height,
                          const std::vector<PdfRect>& taken);

} // namespace sohoa::pdf
