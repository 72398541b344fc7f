// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace sohoa::pdf {
struct EmbeddedFontProgram;
}

// A minimal TrueType font generated at run time for the invisible OCR text layer. Every
// character is drawn with one empty glyph of fixed advance, so the text layer can position
// words exactly (with horizontal scaling) and never shows anything; shipping no font file keeps
// the licence question and the package size out of the way.
namespace sohoa::pdf::glyphless {

inline constexpr int unitsPerEm = 1000;
inline constexpr int advance = 500; // every glyph, in font units
inline constexpr int ascent = 800;
inline constexpr int descent = -200;
inline constexpr int emptyGlyph = 1; // glyph 0 is .notdef
inline constexpr const char* postScriptName = "SohoaGlyphless";

// The complete sfnt file: head, hhea, maxp, hmtx, loca, glyf, cmap, name, OS/2, post, with
// table checksums and head.checkSumAdjustment set. Deterministic; built once.
const QByteArray& trueTypeFont();

// The font as the text layer embeds it: every CID drawn with the empty glyph.
const EmbeddedFontProgram& embeddedProgram();

} // namespace sohoa::pdf::glyphless
