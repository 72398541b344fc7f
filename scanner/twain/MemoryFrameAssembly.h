// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Builds a scanner::Frame from the strips of a TWAIN memory transfer (DAT_IMAGEMEMXFER):
// rows arrive top-down, each strip at its YOffset, each row BytesPerRow long (padding after
// the pixels dropped here).

#include "scanner/ScanTypes.h"
#include "scanner/twain/TwainTypes.h"

#include <cstdint>

namespace sohoa::scanner::twain {

class MemoryFrameAssembly
{
public:
    // Throws ScanError(Unsupported) for an image SoHoa does not take: compressed, planar, or
    // anything but 1-bit black and white, 8-bit gray and 24-bit RGB. `pixelFlavor` is the
    // source's ICAP_PIXELFLAVOR (which sample value is black).
    MemoryFrameAssembly(const TW_IMAGEINFO& info, TW_UINT16 pixelFlavor);

    // Copies one strip: `xfer` as the source filled it, its bytes at `data`. Throws
    // ScanError(IoError) when the strip does not fit the image.
    void addStrip(const TW_IMAGEMEMXFER& xfer, const std::uint8_t* data);

    // Share of the rows received, or -1 when the source did not announce the image length.
    double fraction() const noexcept;

    // The frame in SoHoa's conventions (1-bit: 1 = black; gray: 0 = black).
    Frame finish() &&;

private:
    Frame frame_;
    bool knownLength_ = true;
    bool invert_ = false;
    int rowsReceived_ = 0;
};

} // namespace sohoa::scanner::twain
