// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/StampLayout.h"

#include "pdf/PdfSyntax.h"
#include "pdf/SubsetFont.h"

#include <algorithm>
#include <vector>

namespace sohoa::pdf {

namespace {
// Padding around the text, in ems of the font size.
constexpr double paddingEms = 0.4;
} // namespace

StampDrawing drawStamp(const QStringList& lines, double fontSize, SubsetFont& font,
                       QByteArrayView fontResource)
{
    std::vector<std::vector<char16_t>> encoded;
    double widest = 0;
    for (const QString& line : lines) {
        encoded.push_back(font.encode(line));
        widest = std::max(widest, font.advance(encoded.back()));
    }
    const double padding = paddingEms * fontSize;
    const double lineHeight = (font.ascent() - font.descent() + font.lineGap()) * fontSize;
    const auto lineCount = static_cast<double>(encoded.size());

    StampDrawing drawing;
    drawing.width = widest * fontSize + 2 * padding;
    drawing.height = 2 * padding + lineCount * lineHeight - font.lineGap() * fontSize;
    // DeviceGray black: allowed in PDF/A under any output intent.
    drawing.content =
        "BT\n/" + fontResource.toByteArray() + ' ' + syntax::number(fontSize) + " Tf\n0 g\n";
    double baseline = drawing.height - padding - font.ascent() * fontSize;
    for (const std::vector<char16_t>& cids : encoded) {
        if (!cids.empty())
            drawing.content += "1 0 0 1 " + syntax::number(padding) + ' ' +
                               syntax::number(baseline) + " Tm " + CidEncoder::hexString(cids) +
                               " Tj\n";
        baseline -= lineHeight;
    }
    drawing.content += "ET\n";
    return drawing;
}

} // namespace sohoa::pdf
