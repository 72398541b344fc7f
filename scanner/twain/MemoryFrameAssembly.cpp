// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/twain/MemoryFrameAssembly.h"

#include "scanner/ScanError.h"
#include "scanner/twain/TwainCapability.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

namespace sohoa::scanner::twain {

namespace {

std::string describe(const TW_IMAGEINFO& info)
{
    return "pixel type " + std::to_string(info.PixelType) + ", " +
           std::to_string(info.SamplesPerPixel) + " sample(s) of " +
           std::to_string(info.BitsPerPixel) + " bits per pixel, compression " +
           std::to_string(info.Compression) + (info.Planar != 0 ? ", planar" : "");
}

} // namespace

MemoryFrameAssembly::MemoryFrameAssembly(const TW_IMAGEINFO& info, TW_UINT16 pixelFlavor)
{
    const bool bw = info.PixelType == TWPT_BW && info.BitsPerPixel == 1;
    const bool gray = info.PixelType == TWPT_GRAY && info.BitsPerPixel == 8;
    const bool rgb = info.PixelType == TWPT_RGB && info.BitsPerPixel == 24 &&
                     info.SamplesPerPixel == 3 && info.Planar == 0;
    if (info.Compression != TWCP_NONE || !(bw || gray || rgb) || info.ImageWidth <= 0) {
        throw ScanError(ScanStatus::Unsupported,
                        "TWAIN image format not supported: " + describe(info) + ", width " +
                            std::to_string(info.ImageWidth));
    }
    frame_.format = rgb ? Frame::Format::Rgb : Frame::Format::Gray;
    frame_.depth = bw ? 1 : 8;
    frame_.width = info.ImageWidth;
    frame_.bytesPerLine = static_cast<int>(frame_.minBytesPerLine());
    frame_.dpi = toDouble(info.XResolution);
    knownLength_ = info.ImageLength > 0;
    if (knownLength_) {
        frame_.height = info.ImageLength;
        frame_.pixels.assign(static_cast<std::size_t>(frame_.bytesPerLine) *
                                 static_cast<std::size_t>(frame_.height),
                             0);
    }
    // SoHoa's lineart has 1 = black and its gray 0 = black: a "chocolate" source (zero is
    // darkest, TWAIN's default) matches the gray convention and is the opposite for lineart.
    invert_ = bw ? pixelFlavor == TWPF_CHOCOLATE : (gray && pixelFlavor == TWPF_VANILLA);
}

void MemoryFrameAssembly::addStrip(const TW_IMAGEMEMXFER& xfer, const std::uint8_t* data)
{
    if (xfer.Rows == 0) {
        return;
    }
    const std::size_t bitsPerPixel =
        static_cast<std::size_t>(frame_.depth) * static_cast<std::size_t>(frame_.channels());
    const std::size_t xBits = std::size_t{xfer.XOffset} * bitsPerPixel;
    const std::size_t rowBytes = (std::size_t{xfer.Columns} * bitsPerPixel + 7) / 8;
    const std::size_t lastRow = std::size_t{xfer.YOffset} + xfer.Rows;
    const std::size_t needed = std::size_t{xfer.BytesPerRow} * (xfer.Rows - 1) + rowBytes;
    // Tiles would need bit shifting when they start inside a byte; sources send whole-row
    // strips, so only byte-aligned offsets are taken.
    if (xBits % 8 != 0 || std::size_t{xfer.XOffset} + xfer.Columns > std::size_t(frame_.width) ||
        xfer.BytesPerRow < rowBytes || xfer.BytesWritten < needed ||
        (knownLength_ && lastRow > std::size_t(frame_.height))) {
        throw ScanError(ScanStatus::IoError,
                        "TWAIN strip does not fit the image: " + std::to_string(xfer.Columns) +
                            "x" + std::to_string(xfer.Rows) + " at (" +
                            std::to_string(xfer.XOffset) + "," + std::to_string(xfer.YOffset) +
                            "), " + std::to_string(xfer.BytesPerRow) + " bytes per row, " +
                            std::to_string(xfer.BytesWritten) + " bytes written");
    }
    const auto line = static_cast<std::size_t>(frame_.bytesPerLine);
    if (!knownLength_ && lastRow > std::size_t(frame_.height)) {
        frame_.height = static_cast<int>(lastRow);
        frame_.pixels.resize(line * lastRow, 0);
    }
    for (std::size_t r = 0; r < xfer.Rows; ++r) {
        std::memcpy(frame_.pixels.data() + (xfer.YOffset + r) * line + xBits / 8,
                    data + r * xfer.BytesPerRow, rowBytes);
    }
    rowsReceived_ += static_cast<int>(xfer.Rows);
}

double MemoryFrameAssembly::fraction() const noexcept
{
    if (!knownLength_) {
        return -1.0;
    }
    return std::min(1.0, static_cast<double>(rowsReceived_) / frame_.height);
}

Frame MemoryFrameAssembly::finish() &&
{
    if (invert_) {
        for (std::uint8_t& byte : frame_.pixels) {
            byte = static_cast<std::uint8_t>(~byte);
        }
    }
    if (frame_.depth == 1 && frame_.width % 8 != 0) {
        // Keep the bits past the last pixel clear, whatever the source or the inversion put there.
        const auto mask = static_cast<std::uint8_t>(0xff00u >> (frame_.width % 8));
        const auto line = static_cast<std::size_t>(frame_.bytesPerLine);
        for (std::size_t at = line - 1; at < frame_.pixels.size(); at += line) {
            frame_.pixels[at] &= mask;
        }
    }
    return std::move(frame_);
}

} // namespace sohoa::scanner::twain
