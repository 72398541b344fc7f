// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/EmbeddedFont.h"

#include "pdf/CidEncoder.h"
#include "pdf/PdfObjectWriter.h"
#include "pdf/PdfSyntax.h"

namespace sohoa::pdf {

namespace {

// "/W [c [w w ...] c [w ...]]", one run per block of consecutive CIDs.
QByteArray widthsArray(const std::map<char16_t, double>& widths)
{
    QByteArray out = " /W [";
    int previous = -2;
    for (const auto& [cid, width] : widths) {
        if (cid != previous + 1) {
            if (previous >= 0)
                out += "] ";
            out += QByteArray::number(cid) + " [";
        } else {
            out += ' ';
        }
        out += syntax::number(width);
        previous = cid;
    }
    return out + "]]";
}

} // namespace

void writeEmbeddedFont(PdfObjectWriter& writer, int type0Object, const EmbeddedFontProgram& program,
                       const CidEncoder& encoder)
{
    using syntax::number;
    using syntax::reference;

    const QByteArray fontName = syntax::name(program.postScriptName);
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
                     reference(descriptor) + " /DW " + number(program.defaultWidth) +
                     (program.widths.empty() ? QByteArray() : widthsArray(program.widths)) +
                     " /CIDToGIDMap " + reference(gidMap) + " >>");
    const auto& box = program.boundingBox;
    writer.writeObject(descriptor,
                       "<< /Type /FontDescriptor /FontName " + fontName + " /Flags " +
                           QByteArray::number(program.flags) + " /FontBBox [" + number(box[0]) +
                           ' ' + number(box[1]) + ' ' + number(box[2]) + ' ' + number(box[3]) +
                           "] /ItalicAngle " + number(program.italicAngle) + " /Ascent " +
                           number(program.ascent) + " /Descent " + number(program.descent) +
                           " /CapHeight " + number(program.capHeight) + " /StemV 80 /FontFile2 " +
                           reference(fontFile) + " >>");
    writer.writeStream(fontFile,
                       "/Length1 " + QByteArray::number(program.trueType.size()) +
                           " /Filter /FlateDecode",
                       syntax::flate(program.trueType, 9));
    writer.writeStream(gidMap, "/Filter /FlateDecode", syntax::flate(program.cidToGidMap, 9));
    writer.writeStream(toUnicode, "/Filter /FlateDecode",
                       syntax::flate(encoder.toUnicodeCMap(), 9));
}

} // namespace sohoa::pdf
