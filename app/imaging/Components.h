// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Connected regions of a binary mask: ink blobs for blank detection, the document for cropping.

#include <QRect>
#include <cstdint>
#include <vector>

namespace sohoa::imaging {

struct Component
{
    QRect box;         // bounding box in mask pixels
    qint64 pixels = 0; // set pixels in the region
    bool touchesBorder = false;
};

// A mask of width × height bytes, row by row; non-zero means set.
struct Mask
{
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> bits;

    bool at(int x, int y) const { return bits[static_cast<size_t>(y) * width + x] != 0; }
};

// The 8-connected regions of the set pixels, in no particular order.
std::vector<Component> findComponents(const Mask& mask);

} // namespace sohoa::imaging
