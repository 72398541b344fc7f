// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

class QImage;

namespace sohoa::pdf {

// A bilevel page compressed with CCITT Group 4 (what fax machines and archives use for line
// art: a text page shrinks to a few tens of kilobytes, losslessly).
struct CcittG4Image
{
    QByteArray data;            // raw G4 code, ready for /CCITTFaxDecode with /K -1
    bool codedInverted = false; // true: coded "black" runs are the white pixels
};

// Compresses a 1-bit image (QImage::Format_Mono or MonoLSB) entirely in memory. Leptonica's
// own G4 helper goes through a temporary file, which citizens' pages must never touch, so this
// asks it for an in-memory G4 TIFF and takes the single strip out of it. Empty data on failure.
CcittG4Image encodeCcittG4(const QImage& bilevel);

} // namespace sohoa::pdf
