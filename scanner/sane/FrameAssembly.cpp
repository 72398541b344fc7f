// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/sane/FrameAssembly.h"

#include "scanner/ScanError.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

namespace sohoa::scanner::sane {

namespace {

bool bitAt(const std::uint8_t* line, std::size_t bit) noexcept
{
    return (line[bit / 8] & (0x80u >> (bit % 8))) != 0;
}

void checkPlane(const ChannelPlane& plane, const char* name)
{
    const bool depthOk = plane.depth == 1 || plane.depth == 8 || plane.depth == 16;
    const std::size_t need =
        (static_cast<std::size_t>(plane.width) * static_cast<std::size_t>(plane.depth) + 7) / 8;
    if (!depthOk || plane.width <= 0 || plane.height < 0 || plane.bytesPerLine <= 0 ||
        static_cast<std::size_t>(plane.bytesPerLine) < need ||
        plane.data.size() <
            static_cast<std::size_t>(plane.bytesPerLine) * static_cast<std::size_t>(plane.height)) {
        throw ScanError(ScanStatus::IoError, std::string("three-pass scan: unusable ") + name +
                                                 " frame (" + std::to_string(plane.width) +
                                                 " pixels, depth " + std::to_string(plane.depth) +
                                                 ", " + std::to_string(plane.bytesPerLine) +
                                                 " bytes per line)");
    }
}

} // namespace

Frame interleavePlanes(const ChannelPlane& red, const ChannelPlane& green, const ChannelPlane& blue,
                       double dpi)
{
    checkPlane(red, "red");
    checkPlane(green, "green");
    checkPlane(blue, "blue");
    if (red.width != green.width || red.width != blue.width || red.depth != green.depth ||
        red.depth != blue.depth) {
        throw ScanError(ScanStatus::IoError, "three-pass scan: the red, green and blue frames "
                                             "differ in width or depth");
    }
    Frame frame;
    frame.format = Frame::Format::Rgb;
    frame.width = red.width;
    frame.height = std::min({red.height, green.height, blue.height});
    frame.depth = red.depth == 16 ? 16 : 8;
    frame.dpi = dpi;
    const std::size_t sampleBytes = frame.depth == 16 ? 2 : 1;
    const std::size_t width = static_cast<std::size_t>(frame.width);
    frame.bytesPerLine = static_cast<int>(width * 3 * sampleBytes);
    frame.pixels.resize(static_cast<std::size_t>(frame.bytesPerLine) *
                        static_cast<std::size_t>(frame.height));

    const std::array<const ChannelPlane*, 3> planes{&red, &green, &blue};
    for (std::size_t y = 0; y < static_cast<std::size_t>(frame.height); ++y) {
        std::uint8_t* out = frame.pixels.data() + y * static_cast<std::size_t>(frame.bytesPerLine);
        for (std::size_t c = 0; c < 3; ++c) {
            const ChannelPlane& plane = *planes[c];
            const std::uint8_t* in =
                plane.data.data() + y * static_cast<std::size_t>(plane.bytesPerLine);
            for (std::size_t x = 0; x < width; ++x) {
                std::uint8_t* dst = out + (x * 3 + c) * sampleBytes;
                if (plane.depth == 1) {
                    *dst = bitAt(in, x) ? 0xff : 0x00;
                } else {
                    std::memcpy(dst, in + x * sampleBytes, sampleBytes);
                }
            }
        }
    }
    return frame;
}

Frame widenOneBitRgb(Frame frame)
{
    if (frame.format != Frame::Format::Rgb || frame.depth != 1) {
        return frame;
    }
    const std::size_t width = static_cast<std::size_t>(std::max(frame.width, 0));
    const std::size_t height = static_cast<std::size_t>(std::max(frame.height, 0));
    const std::size_t inStride = static_cast<std::size_t>(std::max(frame.bytesPerLine, 0));
    if (inStride * 8 < width * 3 || frame.pixels.size() < inStride * height) {
        throw ScanError(ScanStatus::IoError, "1-bit colour frame with inconsistent line size");
    }
    Frame wide;
    wide.format = Frame::Format::Rgb;
    wide.width = frame.width;
    wide.height = frame.height;
    wide.depth = 8;
    wide.dpi = frame.dpi;
    wide.bytesPerLine = static_cast<int>(width * 3);
    wide.pixels.resize(width * 3 * height);
    for (std::size_t y = 0; y < height; ++y) {
        const std::uint8_t* in = frame.pixels.data() + y * inStride;
        std::uint8_t* out = wide.pixels.data() + y * width * 3;
        for (std::size_t s = 0; s < width * 3; ++s) {
            out[s] = bitAt(in, s) ? 0xff : 0x00;
        }
    }
    return wide;
}

} // namespace sohoa::scanner::sane
