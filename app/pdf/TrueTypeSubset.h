// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <set>

namespace sohoa::pdf {

class TrueTypeFont;

// A TrueType program holding only the outlines of `glyphs` (with .notdef and the parts of
// composite glyphs) for embedding in a PDF. Glyph ids stay as in `font`, so a PDF's
// CIDToGIDMap can name the original ids; every other glyph is left empty, which is what makes
// the program small. Kept tables: head, hhea, maxp, hmtx, loca, glyf, the hinting programs
// (cvt, fpgm, prep) the outlines' instructions call, OS/2, name and post without glyph names.
QByteArray subsetTrueType(const TrueTypeFont& font, const std::set<int>& glyphs);

} // namespace sohoa::pdf
