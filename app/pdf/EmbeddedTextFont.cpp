// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/EmbeddedTextFont.h"

#include "pdf/CidEncoder.h"
#include "pdf/GlyphlessFont.h"
#include "pdf/PdfObjectWriter.h"
#include "pdf/PdfSyntax.h"

namespace sohoa::pdf {

namespace {

QByteArray cidToGidMap()
{
    // Two bytes per CID 0..FFFF, big-endian glyph index; compresses to a few hundred bytes.
    constexpr qsizetype cidCount = 0x10000;
    QByteArray map(2 * cidCount, Qt::Uninitialized);
    for (qsizetype i = 0; i < map.size(); i += 2) {
        map[i] = static_cast<char>(glyphless::emptyGlyph >> 8);
        map[i + 1] = static_cast<char>(glyphless::emptyGlyph & 0xff);
    }
    return map;
}

} // namespace

void writeEmbeddedTextFont(PdfObjectWriter& writer, int type0Object, const CidEncoder& encoder)
{
    using syntax::number;
    using syntax::reference;

    const QByteArray fontName = syntax::name(glyphless::postScriptName);
    const QByteArray width = number(glyphless::advance * 1000.0 / glyphless::unitsPerEm);
    const auto toPdfUnits = [](int fontUnits) {
        return number(fontUnits * 1000.0 / glyphless::unitsPerEm);
    };

    const int cidFont = writer.reserve();
    const int descriptor = writer.reserve();
    const int fontFile = writer.reserve();
    const int gidMap = writer.reserve();
    const int toUnicode = writer.reserve();

    writer.writeObject(type0Object, "<< /Type /Font /Subtype /Type0 /BaseFont " + fontName +
                                        "-Identity-H /Encoding /Identity-H /DescendantFonts [" +
                                        reference(cidFont) + "] /ToUnicode " +
                                        reference(toUnicode) + " >>");
    writer.writeObject(
        cidFont, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont " + fontName +
                     " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
                     " /FontDescriptor " +
                     reference(descriptor) + " /DW " + width + " /W [0 65535 " + width +
                     "] /CIDToGIDMap " + reference(gidMap) + " >>");
    // Flags 5 = fixed pitch + symbolic (the glyphs are not a standard Latin set).
    writer.writeObject(descriptor, "<< /Type /FontDescriptor /FontName " + fontName +
                                       " /Flags 5 /FontBBox [0 " + toPdfUnits(glyphless::descent) +
                                       ' ' + width + ' ' + toPdfUnits(glyphless::ascent) +
                                       "] /ItalicAngle 0 /Ascent " + toPdfUnits(glyphless::ascent) +
                                       " /Descent " + toPdfUnits(glyphless::descent) +
                                       " /CapHeight 700 /StemV 80 /FontFile2 " +
                                       reference(fontFile) + " >>");

    const QByteArray& program = glyphless::trueTypeFont();
    writer.writeStream(fontFile,
                       "/Length1 " + QByteArray::number(program.size()) + " /Filter /FlateDecode",
                       syntax::flate(program, 9));
    writer.writeStream(gidMap, "/Filter /FlateDecode", syntax::flate(cidToGidMap(), 9));
    writer.writeStream(toUnicode, "/Filter /FlateDecode",
                       syntax::flate(encoder.toUnicodeCMap(), 9));
}

} // namespace sohoa::pdf
