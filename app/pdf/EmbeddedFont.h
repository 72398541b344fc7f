// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <array>
#include <map>

namespace sohoa::pdf {

class CidEncoder;
class PdfObjectWriter;

// A TrueType program as a PDF's Type 0 font sees it. The CIDs are CidEncoder's (UTF-16 code
// units), and the CIDToGIDMap says which glyph draws each one.
struct EmbeddedFontProgram
{
    QByteArray postScriptName; // /BaseFont and /FontName; a subset's starts with "ABCDEF+"
    QByteArray trueType;       // embedded as FontFile2
    int flags = 4;             // FontDescriptor /Flags; 4 = symbolic (not only standard Latin)
    double italicAngle = 0;
    // In PDF glyph space, 1000 units per em:
    double ascent = 0;
    double descent = 0; // negative
    double capHeight = 0;
    std::array<double, 4> boundingBox{};
    double defaultWidth = 0;
    std::map<char16_t, double> widths; // listed CIDs' widths; the others take defaultWidth
    QByteArray cidToGidMap;            // 2 bytes per CID from 0: its glyph id, big-endian
};

// Writes `program` as PDF objects: the Type 0 font (Identity-H, with the ToUnicode CMap of
// `encoder`) under the reserved number `type0Object`, its CIDFontType2, the FontDescriptor,
// the FontFile2 and the CIDToGIDMap. Call it once every text using the font is encoded, so the
// ToUnicode CMap covers every character.
void writeEmbeddedFont(PdfObjectWriter& writer, int type0Object, const EmbeddedFontProgram& program,
                       const CidEncoder& encoder);

} // namespace sohoa::pdf
