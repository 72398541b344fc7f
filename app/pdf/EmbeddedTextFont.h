// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace sohoa::pdf {

class CidEncoder;
class PdfObjectWriter;

// Writes the glyphless font as PDF objects: the Type0 font (Identity-H, ToUnicode) under the
// reserved number `type0Object`, its CIDFontType2 with /W and a CIDToGIDMap sending every CID
// to the empty glyph, the FontDescriptor and the embedded TrueType program (FontFile2).
// Called once, after the last page, so the ToUnicode CMap covers every character used.
void writeEmbeddedTextFont(PdfObjectWriter& writer, int type0Object, const CidEncoder& encoder);

} // namespace sohoa::pdf
