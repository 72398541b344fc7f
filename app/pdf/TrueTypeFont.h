// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <array>
#include <map>
#include <utility>
#include <vector>

namespace sohoa::pdf {

// A TrueType font file (glyf outlines) read for drawing text in a PDF: character to glyph,
// advances, metrics, and each glyph's outline data with the glyphs a composite is built from.
// Every offset is checked against the file; nothing is hinted or shaped.
class TrueTypeFont
{
    Q_DECLARE_TR_FUNCTIONS(TrueTypeFont)

public:
    // Throws sohoa::UserError (InvalidInput) when the file cannot be read, is not a TrueType
    // font with glyf outlines (a CFF OpenType or a collection), is damaged, or forbids embedding.
    static TrueTypeFont fromFile(const QString& path);
    TrueTypeFont(QByteArray data, const QString& name);

    // The glyph of a Unicode character; 0 (.notdef) when the font has none.
    int glyphFor(char32_t character) const;
    // Advance width in font units.
    int advance(int glyph) const;
    // The glyph's outline data in glyf (empty for a glyph without contours).
    QByteArrayView glyphData(int glyph) const;
    // The glyphs a composite glyph refers to (none for a simple glyph).
    std::vector<int> components(int glyph) const;
    // The table's bytes; empty when the font has no such table.
    QByteArrayView table(QByteArrayView tag) const;

    int glyphCount() const { return glyphCount_; }
    int unitsPerEm() const { return unitsPerEm_; }
    int ascender() const { return ascender_; }   // hhea, font units, y up
    int descender() const { return descender_; } // hhea, negative below the baseline
    int lineGap() const { return lineGap_; }
    int capHeight() const { return capHeight_; }
    double italicAngle() const { return italicAngle_; }
    bool fixedPitch() const { return fixedPitch_; }
    std::array<int, 4> boundingBox() const { return boundingBox_; } // xMin yMin xMax yMax
    QByteArray postScriptName() const { return postScriptName_; }

private:
    [[noreturn]] void damaged(const char* what) const;
    void readTables();
    void readMetrics();
    void readCharacterMap();
    void readPostScriptName();
    std::pair<qsizetype, qsizetype> glyphRange(int glyph) const; // offset, length in glyf

    QByteArray data_;
    QString name_;
    // Offsets and lengths into data_ (not views: a copied font must stay valid on its own).
    std::map<QByteArray, std::pair<qsizetype, qsizetype>> tables_;
    std::pair<qsizetype, qsizetype> characterMap_{}; // the chosen cmap subtable (format 4 or 12)
    int glyphCount_ = 0;
    int unitsPerEm_ = 0;
    int ascender_ = 0;
    int descender_ = 0;
    int lineGap_ = 0;
    int capHeight_ = 0;
    int longMetrics_ = 0;
    bool longOffsets_ = false;
    double italicAngle_ = 0;
    bool fixedPitch_ = false;
    std::array<int, 4> boundingBox_{};
    QByteArray postScriptName_;
};

} // namespace sohoa::pdf
