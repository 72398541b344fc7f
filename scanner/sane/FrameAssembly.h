// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Turning what a device transmitted into a Frame: combining the three frames of a three-pass
// scanner, and widening 1-bit colour samples. Plain C++, no SANE.

#include "scanner/ScanTypes.h"

#include <cstdint>
#include <vector>

namespace sohoa::scanner::sane {

// One channel (red, green or blue) of a three-pass scan: gray-like lines of 1, 8 or 16 bits.
struct ChannelPlane
{
    int width = 0;
    int height = 0;
    int depth = 8;
    int bytesPerLine = 0;
    std::vector<std::uint8_t> data;
};

// One RGB frame from the red, green and blue planes. They must agree on width and depth; the
// height is the smallest of the three. 1-bit planes become 8-bit samples (bit set = 255).
// Throws ScanError(IoError) when the planes do not fit together.
Frame interleavePlanes(const ChannelPlane& red, const ChannelPlane& green, const ChannelPlane& blue,
                       double dpi);

// An RGB frame with 1-bit samples (R,G,B bits packed in transmission order, most significant
// bit first) as 8-bit RGB (bit set = 255). Other frames are returned unchanged.
Frame widenOneBitRgb(Frame frame);

} // namespace sohoa::scanner::sane
