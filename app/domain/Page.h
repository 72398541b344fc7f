// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/PageTransform.h"

#include <QString>
#include <vector>

namespace sohoa::domain {

// One scanned sheet side of a component (trang): how it was captured, the corrections recorded
// for it and its recognized text. The image itself lives in the encrypted store, not here.
struct Page
{
    // Circular 05/2025/TT-BNV: 24-bit colour as the original; 200 dpi for administrative
    // papers, 300 dpi for maps and drawings.
    static constexpr int kAdministrativeDpi = 200;
    static constexpr int kDrawingDpi = 300;
    static constexpr int kRequiredColourDepth = 24;

    int sequence = 1; // 1-based position within the component
    int dpi = kAdministrativeDpi;
    int colourDepth = kRequiredColourDepth; // bits per pixel: 1, 8 or 24
    int widthPx = 0;                        // of the image as scanned, before any transform
    int heightPx = 0;
    std::vector<PageTransform> transforms;
    QString ocrText; // NFC, the same text as the PDF's invisible layer

    bool meetsDigitizationStandard(int requiredDpi = kAdministrativeDpi) const
    {
        return dpi >= requiredDpi && colourDepth >= kRequiredColourDepth;
    }

    bool operator==(const Page& other) const = default;
};

} // namespace sohoa::domain
