// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pdf/CidEncoder.h"
#include "pdf/EmbeddedFont.h"
#include "pdf/TrueTypeFont.h"

#include <QString>
#include <map>
#include <vector>

namespace sohoa::pdf {

// A TrueType font that shows text with its own glyphs (the visible signature stamp), embedded
// as a subset of the glyphs the text uses. Text is encoded as CidEncoder's CIDs, so the
// ToUnicode map is the one the text layer uses and copied text comes back exact. Precomposed
// characters only: text is NFC-normalized and not shaped (no kerning or ligatures), which
// suits Latin-script Vietnamese.
class SubsetFont
{
public:
    explicit SubsetFont(TrueTypeFont font);

    // The CIDs of `text` after NFC normalization; their glyphs join the subset.
    std::vector<char16_t> encode(const QString& text);

    // Metrics in ems (multiply by the font size for points).
    double advance(const std::vector<char16_t>& cids) const;
    double ascent() const;
    double descent() const; // negative: below the baseline
    double lineGap() const;

    // The font program and PDF metrics of the subset of every glyph encoded so far.
    EmbeddedFontProgram program() const;
    const CidEncoder& encoder() const { return encoder_; }

private:
    double toEms(int fontUnits) const;

    TrueTypeFont font_;
    CidEncoder encoder_;
    std::map<char16_t, int> glyphs_; // every CID encoded so far -> its glyph
};

} // namespace sohoa::pdf
