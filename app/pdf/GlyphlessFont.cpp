// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/GlyphlessFont.h"

#include "pdf/EmbeddedFont.h"
#include "pdf/SfntWriter.h"

#include <QString>
#include <cstdint>
#include <utility>
#include <vector>

namespace sohoa::pdf::glyphless {

namespace {

using sfnt::Bytes;

// 2025-01-01T00:00:00Z in seconds since 1904-01-01, the sfnt epoch; fixed so the font (and
// thus the PDF) is reproducible.
constexpr std::int64_t fontDate = 2082844800LL + 1735689600LL;

// .notdef is the conventional rectangle so the font is well formed; it is never shown because
// every CID maps to the empty glyph.
constexpr int notdefLeft = 50;
constexpr int notdefRight = 450;
constexpr int notdefTop = 700;

QByteArray notdefGlyph()
{
    Bytes g;
    g.i16(1).i16(notdefLeft).i16(0).i16(notdefRight).i16(notdefTop); // contours, bbox
    g.u16(3).u16(0);                                                 // endPts, no hinting
    for (int i = 0; i < 4; ++i)
        g.u8(0x01); // on-curve point, x and y as 16-bit deltas
    g.i16(notdefLeft).i16(0).i16(notdefRight - notdefLeft).i16(0);
    g.i16(0).i16(notdefTop).i16(0).i16(-notdefTop);
    QByteArray out = g.data();
    while (out.size() % 4 != 0)
        out += '\0';
    return out;
}

QByteArray head()
{
    Bytes t;
    t.u16(1).u16(0).u32(0x00010000); // version, fontRevision 1.0
    t.u32(0);                        // checkSumAdjustment, patched once the file is complete
    t.u32(0x5F0F3CF5);               // magic
    t.u16(0x000B);                   // baseline y=0, lsb x=0, integer ppem
    t.u16(unitsPerEm);
    t.i64(fontDate).i64(fontDate);
    t.i16(notdefLeft).i16(0).i16(notdefRight).i16(notdefTop);
    t.u16(0); // macStyle
    t.u16(8); // lowestRecPPEM
    t.i16(2); // fontDirectionHint
    t.i16(1); // indexToLocFormat: long offsets
    t.i16(0); // glyphDataFormat
    return t.data();
}

QByteArray hhea()
{
    Bytes t;
    t.u16(1).u16(0);
    t.i16(ascent).i16(descent).i16(0); // ascender, descender, lineGap
    t.u16(advance);                    // advanceWidthMax
    t.i16(notdefLeft);                 // minLeftSideBearing
    t.i16(advance - notdefRight);      // minRightSideBearing
    t.i16(notdefRight);                // xMaxExtent
    t.i16(1).i16(0).i16(0);            // caret: vertical
    t.i16(0).i16(0).i16(0).i16(0);     // reserved
    t.i16(0);                          // metricDataFormat
    t.u16(2);                          // numberOfHMetrics
    return t.data();
}

QByteArray maxp()
{
    Bytes t;
    t.u32(0x00010000).u16(2); // version 1.0 (TrueType outlines), numGlyphs
    t.u16(4).u16(1);          // maxPoints, maxContours
    t.u16(0).u16(0);          // composite points/contours
    t.u16(2);                 // maxZones
    for (int i = 0; i < 8; ++i)
        t.u16(0); // twilight points .. component depth: no hinting, no composites
    return t.data();
}

QByteArray hmtx()
{
    Bytes t;
    t.u16(advance).i16(notdefLeft); // .notdef
    t.u16(advance).i16(0);          // the empty glyph
    return t.data();
}

QByteArray loca(int notdefLength)
{
    Bytes t;
    t.u32(0)
        .u32(static_cast<std::uint32_t>(notdefLength))
        .u32(static_cast<std::uint32_t>(notdefLength));
    return t.data();
}

// The PDF selects glyphs through CIDToGIDMap, so the cmap is only there because the format
// requires one: a Windows Unicode BMP subtable mapping the space to the empty glyph.
QByteArray cmap()
{
    Bytes sub;
    sub.u16(4).u16(32).u16(0);           // format, length, language
    sub.u16(4).u16(4).u16(1).u16(0);     // segCountX2, searchRange, entrySelector, rangeShift
    sub.u16(0x0020).u16(0xFFFF);         // endCode
    sub.u16(0);                          // reservedPad
    sub.u16(0x0020).u16(0xFFFF);         // startCode
    sub.i16(emptyGlyph - 0x0020).i16(1); // idDelta
    sub.u16(0).u16(0);                   // idRangeOffset
    Bytes t;
    t.u16(0).u16(1);         // version, numTables
    t.u16(3).u16(1).u32(12); // Windows, Unicode BMP, offset
    t.raw(sub.data());
    return t.data();
}

QByteArray name()
{
    const QString family = QString::fromLatin1(postScriptName);
    const std::vector<std::pair<int, QString>> records = {
        {1, family}, {2, QStringLiteral("Regular")},     {3, family + QStringLiteral(" 1.0")},
        {4, family}, {5, QStringLiteral("Version 1.0")}, {6, family},
    };
    Bytes strings;
    Bytes t;
    t.u16(0).u16(static_cast<unsigned>(records.size()));
    t.u16(static_cast<unsigned>(6 + 12 * records.size())); // storage offset
    for (const auto& [nameId, text] : records) {
        const auto offset = static_cast<unsigned>(strings.data().size());
        for (const QChar c : text)
            strings.u16(c.unicode());
        t.u16(3).u16(1).u16(0x0409).u16(static_cast<unsigned>(nameId)); // Windows, en-US
        t.u16(static_cast<unsigned>(text.size() * 2)).u16(offset);
    }
    t.raw(strings.data());
    return t.data();
}

QByteArray os2()
{
    Bytes t;
    t.u16(4);                            // version
    t.i16(advance);                      // xAvgCharWidth
    t.u16(400).u16(5);                   // weight normal, width normal
    t.u16(0);                            // fsType: installable embedding, as PDF/A needs
    t.i16(650).i16(600).i16(0).i16(75);  // subscript
    t.i16(650).i16(600).i16(0).i16(350); // superscript
    t.i16(50).i16(300);                  // strikeout size, position
    t.i16(0);                            // sFamilyClass
    for (int i = 0; i < 10; ++i)
        t.u8(0);                       // panose: any
    t.u32(1).u32(0).u32(0).u32(0);     // ulUnicodeRange: Basic Latin
    t.tag("NONE");                     // achVendID
    t.u16(0x0040);                     // fsSelection: REGULAR
    t.u16(0x0020).u16(0x0020);         // first, last char index
    t.i16(ascent).i16(descent).i16(0); // typo metrics
    t.u16(ascent).u16(-descent);       // win ascent, descent
    t.u32(1).u32(0);                   // code pages: Latin 1
    t.i16(500).i16(notdefTop);         // sxHeight, sCapHeight
    t.u16(0).u16(0x0020).u16(1);       // default char, break char, max context
    return t.data();
}

QByteArray post()
{
    Bytes t;
    t.u32(0x00030000); // version 3: no glyph names
    t.u32(0);          // italicAngle
    t.i16(-100).i16(50);
    t.u32(1); // isFixedPitch
    t.u32(0).u32(0).u32(0).u32(0);
    return t.data();
}

QByteArray build()
{
    const QByteArray glyf = notdefGlyph();
    std::vector<sfnt::Table> tables = {
        {"OS/2", os2()},
        {"cmap", cmap()},
        {"glyf", glyf},
        {"head", head()},
        {"hhea", hhea()},
        {"hmtx", hmtx()},
        {"loca", loca(static_cast<int>(glyf.size()))},
        {"maxp", maxp()},
        {"name", name()},
        {"post", post()},
    };
    return sfnt::assemble(std::move(tables));
}

QByteArray cidToGidMap()
{
    // Two bytes per CID 0..FFFF, big-endian glyph index; compresses to a few hundred bytes.
    constexpr qsizetype cidCount = 0x10000;
    QByteArray map(2 * cidCount, Qt::Uninitialized);
    for (qsizetype i = 0; i < map.size(); i += 2) {
        map[i] = static_cast<char>(emptyGlyph >> 8);
        map[i + 1] = static_cast<char>(emptyGlyph & 0xff);
    }
    return map;
}

EmbeddedFontProgram buildProgram()
{
    const auto toPdfUnits = [](int fontUnits) { return fontUnits * 1000.0 / unitsPerEm; };
    EmbeddedFontProgram program;
    program.postScriptName = postScriptName;
    program.trueType = trueTypeFont();
    program.flags = 5; // fixed pitch + symbolic (the glyphs are not a standard Latin set)
    program.ascent = toPdfUnits(ascent);
    program.descent = toPdfUnits(descent);
    program.capHeight = 700;
    program.defaultWidth = toPdfUnits(advance);
    program.boundingBox = {0, program.descent, program.defaultWidth, program.ascent};
    program.cidToGidMap = cidToGidMap();
    return program;
}

} // namespace

const QByteArray& trueTypeFont()
{
    static const QByteArray font = build();
    return font;
}

const EmbeddedFontProgram& embeddedProgram()
{
    static const EmbeddedFontProgram program = buildProgram();
    return program;
}

} // namespace sohoa::pdf::glyphless
