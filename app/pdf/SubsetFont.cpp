// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/SubsetFont.h"

#include "pdf/TrueTypeSubset.h"

#include <QCryptographicHash>
#include <set>
#include <utility>

namespace sohoa::pdf {

namespace {

constexpr char16_t firstSupplementaryCid = 0xD800; // CidEncoder's slots for non-BMP characters

// ISO 32000-1, 9.6.4: a subset font's name starts with six capital letters and "+"; derived
// from the glyphs kept, so the same subset gets the same tag.
QByteArray subsetTag(const std::set<int>& glyphs)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const int glyph : glyphs)
        hash.addData(QByteArray::number(glyph) + ',');
    const QByteArray digest = hash.result();
    QByteArray tag;
    for (int i = 0; i < 6; ++i)
        tag += static_cast<char>('A' + static_cast<unsigned char>(digest[i]) % 26);
    return tag + '+';
}

} // namespace

SubsetFont::SubsetFont(TrueTypeFont font) : font_(std::move(font)) {}

double SubsetFont::toEms(int fontUnits) const
{
    return static_cast<double>(fontUnits) / font_.unitsPerEm();
}

std::vector<char16_t> SubsetFont::encode(const QString& text)
{
    std::vector<char16_t> cids = encoder_.encode(text.normalized(QString::NormalizationForm_C));
    for (const char16_t cid : cids) {
        if (glyphs_.contains(cid))
            continue;
        const bool supplementary = cid >= firstSupplementaryCid && cid < 0xE000;
        const char32_t character =
            supplementary ? encoder_.supplementaryCharacters()[cid - firstSupplementaryCid] : cid;
        glyphs_.emplace(cid, font_.glyphFor(character));
    }
    return cids;
}

double SubsetFont::advance(const std::vector<char16_t>& cids) const
{
    int units = 0;
    for (const char16_t cid : cids)
        units += font_.advance(glyphs_.at(cid));
    return toEms(units);
}

double SubsetFont::ascent() const
{
    return toEms(font_.ascender());
}

double SubsetFont::descent() const
{
    return toEms(font_.descender());
}

double SubsetFont::lineGap() const
{
    return toEms(font_.lineGap());
}

EmbeddedFontProgram SubsetFont::program() const
{
    const auto toPdfUnits = [this](int fontUnits) { return 1000 * toEms(fontUnits); };
    std::set<int> used;
    for (const auto& [cid, glyph] : glyphs_)
        used.insert(glyph);

    EmbeddedFontProgram program;
    program.postScriptName = subsetTag(used) + font_.postScriptName();
    program.trueType = subsetTrueType(font_, used);
    constexpr int fixedPitch = 1;
    constexpr int symbolic = 4;
    constexpr int italic = 64;
    program.flags =
        symbolic | (font_.fixedPitch() ? fixedPitch : 0) | (font_.italicAngle() != 0 ? italic : 0);
    program.italicAngle = font_.italicAngle();
    program.ascent = toPdfUnits(font_.ascender());
    program.descent = toPdfUnits(font_.descender());
    program.capHeight = toPdfUnits(font_.capHeight());
    const auto box = font_.boundingBox();
    program.boundingBox = {toPdfUnits(box[0]), toPdfUnits(box[1]), toPdfUnits(box[2]),
                           toPdfUnits(box[3])};
    // CIDs never encoded map to .notdef, so they take its width.
    program.defaultWidth = toPdfUnits(font_.advance(0));
    const char16_t lastCid = glyphs_.empty() ? 0 : glyphs_.rbegin()->first;
    program.cidToGidMap = QByteArray(2 * (qsizetype(lastCid) + 1), '\0');
    for (const auto& [cid, glyph] : glyphs_) {
        program.widths.emplace(cid, toPdfUnits(font_.advance(glyph)));
        program.cidToGidMap[2 * cid] = static_cast<char>(glyph >> 8);
        program.cidToGidMap[2 * cid + 1] = static_cast<char>(glyph & 0xff);
    }
    return program;
}

} // namespace sohoa::pdf
