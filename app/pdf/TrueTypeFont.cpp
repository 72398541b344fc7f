// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/TrueTypeFont.h"

#include "domain/UserError.h"
#include "pdf/SfntWriter.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cstdint>

namespace sohoa::pdf {

namespace {

using sfnt::readU16;
using sfnt::readU32;

int readI16(QByteArrayView data, qsizetype at)
{
    return static_cast<std::int16_t>(readU16(data, at));
}

// Composite glyph flags (OpenType glyf table).
constexpr unsigned argumentsAreWords = 0x0001;
constexpr unsigned hasScale = 0x0008;
constexpr unsigned moreComponents = 0x0020;
constexpr unsigned hasXYScale = 0x0040;
constexpr unsigned hasTwoByTwo = 0x0080;

// OS/2 fsType: embedding only with the font owner's licence, or bitmaps only.
constexpr unsigned restrictedEmbedding = 0x0002;
constexpr unsigned bitmapEmbeddingOnly = 0x0200;

} // namespace

TrueTypeFont TrueTypeFont::fromFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw UserError(ErrorKind::InvalidInput,
                        tr("The font file %1 cannot be read: %2. Choose an installed TrueType "
                           "font in the settings.")
                            .arg(path, file.errorString()));
    return TrueTypeFont(file.readAll(), QFileInfo(path).fileName());
}

TrueTypeFont::TrueTypeFont(QByteArray data, const QString& name)
    : data_(std::move(data)), name_(name)
{
    readTables();
    readMetrics();
    readCharacterMap();
    readPostScriptName();
}

void TrueTypeFont::damaged(const char* what) const
{
    throw UserError(ErrorKind::InvalidInput,
                    tr("The font file %1 cannot be used (%2). Choose a TrueType font (.ttf) "
                       "in the settings.")
                        .arg(name_, QString::fromLatin1(what)));
}

void TrueTypeFont::readTables()
{
    if (data_.size() < 12 || readU32(data_, 0) != 0x00010000)
        damaged("not a TrueType font with glyph outlines");
    const unsigned count = readU16(data_, 4);
    if (12 + 16 * qsizetype(count) > data_.size())
        damaged("truncated table directory");
    for (unsigned i = 0; i < count; ++i) {
        const qsizetype record = 12 + 16 * qsizetype(i);
        const qsizetype offset = readU32(data_, record + 8);
        const qsizetype length = readU32(data_, record + 12);
        if (offset > data_.size() || length > data_.size() - offset)
            damaged("a table lies outside the file");
        tables_[data_.mid(record, 4)] = {offset, length};
    }
}

QByteArrayView TrueTypeFont::table(QByteArrayView tag) const
{
    const auto found = tables_.find(tag.toByteArray());
    if (found == tables_.end())
        return {};
    return QByteArrayView(data_).sliced(found->second.first, found->second.second);
}

void TrueTypeFont::readMetrics()
{
    const QByteArrayView head = table("head");
    const QByteArrayView hhea = table("hhea");
    const QByteArrayView maxp = table("maxp");
    if (head.size() < 54 || hhea.size() < 36 || maxp.size() < 6 || table("glyf").isEmpty() ||
        table("loca").isEmpty())
        damaged("missing head, hhea, maxp, glyf or loca table");
    unitsPerEm_ = static_cast<int>(readU16(head, 18));
    for (int i = 0; i < 4; ++i)
        boundingBox_[static_cast<size_t>(i)] = readI16(head, 36 + 2 * i);
    longOffsets_ = readI16(head, 50) == 1;
    ascender_ = readI16(hhea, 4);
    descender_ = readI16(hhea, 6);
    lineGap_ = readI16(hhea, 8);
    longMetrics_ = static_cast<int>(readU16(hhea, 34));
    glyphCount_ = static_cast<int>(readU16(maxp, 4));
    if (unitsPerEm_ < 16 || glyphCount_ == 0 || longMetrics_ == 0 ||
        table("hmtx").size() < 4 * qsizetype(longMetrics_) ||
        table("loca").size() < (longOffsets_ ? 4 : 2) * (qsizetype(glyphCount_) + 1))
        damaged("unusable metrics");

    capHeight_ = ascender_;
    const QByteArrayView os2 = table("OS/2");
    if (os2.size() >= 10) {
        const unsigned fsType = readU16(os2, 8);
        if ((fsType & 0x000F) == restrictedEmbedding || (fsType & bitmapEmbeddingOnly) != 0)
            damaged("its licence forbids embedding it in documents");
    }
    if (os2.size() >= 90 && readU16(os2, 0) >= 2)
        capHeight_ = readI16(os2, 88);
    const QByteArrayView post = table("post");
    if (post.size() >= 16) {
        italicAngle_ = static_cast<std::int32_t>(readU32(post, 4)) / 65536.0;
        fixedPitch_ = readU32(post, 12) != 0;
    }
}

void TrueTypeFont::readCharacterMap()
{
    const QByteArrayView cmap = table("cmap");
    if (cmap.size() < 4)
        damaged("no character map");
    const qsizetype cmapOffset = tables_.at(QByteArrayLiteral("cmap")).first;
    // Prefer the full-Unicode subtable (format 12), else the BMP one (format 4).
    int bestRank = 0;
    const unsigned count = readU16(cmap, 2);
    for (unsigned i = 0; i < count && 4 + 8 * qsizetype(i + 1) <= cmap.size(); ++i) {
        const qsizetype record = 4 + 8 * qsizetype(i);
        const unsigned platform = readU16(cmap, record);
        const unsigned encoding = readU16(cmap, record + 2);
        const qsizetype offset = readU32(cmap, record + 4);
        if (offset + 8 > cmap.size())
            continue;
        const unsigned format = readU16(cmap, offset);
        const bool unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
        const int rank = !unicode ? 0 : format == 12 ? 2 : format == 4 ? 1 : 0;
        const qsizetype length = format == 12 ? qsizetype(readU32(cmap, offset + 4))
                                              : qsizetype(readU16(cmap, offset + 2));
        if (rank > bestRank && length <= cmap.size() - offset) {
            bestRank = rank;
            characterMap_ = {cmapOffset + offset, length};
        }
    }
    if (bestRank == 0)
        damaged("no Unicode character map");
}

int TrueTypeFont::glyphFor(char32_t character) const
{
    const QByteArrayView map =
        QByteArrayView(data_).sliced(characterMap_.first, characterMap_.second);
    int glyph = 0;
    if (readU16(map, 0) == 12) {
        const qsizetype groups = map.size() >= 16 ? readU32(map, 12) : 0;
        for (qsizetype i = 0; i < groups && 16 + 12 * (i + 1) <= map.size(); ++i) {
            const qsizetype group = 16 + 12 * i;
            const char32_t first = readU32(map, group);
            if (character >= first && character <= readU32(map, group + 4)) {
                glyph = static_cast<int>(readU32(map, group + 8) + (character - first));
                break;
            }
        }
    } else if (character <= 0xFFFF && map.size() >= 14) {
        const qsizetype segments = readU16(map, 6) / 2;
        const qsizetype ends = 14;
        const qsizetype starts = ends + 2 * segments + 2;
        const qsizetype deltas = starts + 2 * segments;
        const qsizetype rangeOffsets = deltas + 2 * segments;
        for (qsizetype i = 0; i < segments && rangeOffsets + 2 * (i + 1) <= map.size(); ++i) {
            if (character > readU16(map, ends + 2 * i))
                continue;
            const unsigned start = readU16(map, starts + 2 * i);
            if (character < start)
                break;
            const unsigned delta = readU16(map, deltas + 2 * i);
            const unsigned rangeOffset = readU16(map, rangeOffsets + 2 * i);
            if (rangeOffset == 0) {
                glyph = static_cast<int>((character + delta) & 0xFFFFu);
            } else {
                // idRangeOffset counts from its own position into glyphIdArray.
                const qsizetype at = rangeOffsets + 2 * i + rangeOffset + 2 * (character - start);
                const unsigned raw = at + 2 <= map.size() ? readU16(map, at) : 0;
                glyph = raw == 0 ? 0 : static_cast<int>((raw + delta) & 0xFFFFu);
            }
            break;
        }
    }
    return glyph < glyphCount_ ? glyph : 0;
}

int TrueTypeFont::advance(int glyph) const
{
    // Glyphs past the last long metric repeat its advance.
    const int index = std::clamp(glyph, 0, longMetrics_ - 1);
    return static_cast<int>(readU16(table("hmtx"), 4 * qsizetype(index)));
}

std::pair<qsizetype, qsizetype> TrueTypeFont::glyphRange(int glyph) const
{
    if (glyph < 0 || glyph >= glyphCount_)
        return {0, 0};
    const QByteArrayView loca = table("loca");
    const auto offset = [&](int index) -> qsizetype {
        return longOffsets_ ? qsizetype(readU32(loca, 4 * qsizetype(index)))
                            : 2 * qsizetype(readU16(loca, 2 * qsizetype(index)));
    };
    const qsizetype start = offset(glyph);
    const qsizetype end = offset(glyph + 1);
    if (end < start || end > table("glyf").size())
        damaged("a glyph lies outside the glyf table");
    return {start, end - start};
}

QByteArrayView TrueTypeFont::glyphData(int glyph) const
{
    const auto [offset, length] = glyphRange(glyph);
    return table("glyf").sliced(offset, length);
}

std::vector<int> TrueTypeFont::components(int glyph) const
{
    const QByteArrayView data = glyphData(glyph);
    std::vector<int> parts;
    if (data.size() < 10 || readI16(data, 0) >= 0) // simple glyph: contour count >= 0
        return parts;
    qsizetype at = 10;
    unsigned flags = moreComponents;
    while ((flags & moreComponents) != 0) {
        if (at + 4 > data.size())
            damaged("a composite glyph is truncated");
        flags = readU16(data, at);
        parts.push_back(static_cast<int>(readU16(data, at + 2)));
        at += 4 + ((flags & argumentsAreWords) != 0 ? 4 : 2);
        if ((flags & hasScale) != 0)
            at += 2;
        else if ((flags & hasXYScale) != 0)
            at += 4;
        else if ((flags & hasTwoByTwo) != 0)
            at += 8;
    }
    return parts;
}

void TrueTypeFont::readPostScriptName()
{
    const QByteArrayView names = table("name");
    if (names.size() >= 6) {
        const unsigned count = readU16(names, 2);
        const qsizetype storage = readU16(names, 4);
        for (unsigned i = 0; i < count && 6 + 12 * qsizetype(i + 1) <= names.size(); ++i) {
            const qsizetype record = 6 + 12 * qsizetype(i);
            const unsigned platform = readU16(names, record);
            const qsizetype length = readU16(names, record + 8);
            const qsizetype offset = storage + readU16(names, record + 10);
            if (readU16(names, record + 6) != 6 || offset + length > names.size())
                continue;
            // PostScript names are printable ASCII: one byte each on the Macintosh platform,
            // UTF-16BE (high byte zero) on Windows and Unicode.
            const int step = platform == 1 ? 1 : 2;
            QByteArray text;
            for (qsizetype at = offset + step - 1; at < offset + length; at += step)
                text += names[at];
            if (!text.isEmpty()) {
                postScriptName_ = text;
                return;
            }
        }
    }
    postScriptName_ = QFileInfo(name_).completeBaseName().toLatin1();
}

} // namespace sohoa::pdf
