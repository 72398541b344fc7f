// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/TrueTypeSubset.h"

#include "pdf/SfntWriter.h"
#include "pdf/TrueTypeFont.h"

#include <cstdint>
#include <vector>

namespace sohoa::pdf {

namespace {

// The glyphs to keep: the requested ones, .notdef, and every component of a kept composite.
std::set<int> closure(const TrueTypeFont& font, const std::set<int>& glyphs)
{
    std::set<int> kept = {0};
    std::vector<int> pending(glyphs.begin(), glyphs.end());
    while (!pending.empty()) {
        const int glyph = pending.back();
        pending.pop_back();
        if (glyph < 0 || glyph >= font.glyphCount() || !kept.insert(glyph).second)
            continue;
        for (const int part : font.components(glyph))
            pending.push_back(part);
    }
    for (const int part : font.components(0))
        kept.insert(part);
    return kept;
}

} // namespace

QByteArray subsetTrueType(const TrueTypeFont& font, const std::set<int>& glyphs)
{
    const std::set<int> kept = closure(font, glyphs);
    QByteArray glyf;
    sfnt::Bytes loca;
    for (int glyph = 0; glyph < font.glyphCount(); ++glyph) {
        loca.u32(static_cast<std::uint32_t>(glyf.size()));
        if (kept.contains(glyph)) {
            glyf.append(font.glyphData(glyph));
            while (glyf.size() % 4 != 0) // long loca offsets need no padding; readers like it
                glyf += '\0';
        }
    }
    loca.u32(static_cast<std::uint32_t>(glyf.size()));

    QByteArray head = font.table("head").toByteArray();
    head[50] = '\0'; // indexToLocFormat 1: the loca above has long offsets
    head[51] = '\1';
    // Version 3: the same header without the glyph names.
    QByteArray post = font.table("post").toByteArray().left(32);
    if (post.size() == 32)
        post.replace(0, 4, QByteArray("\0\3\0\0", 4));

    std::vector<sfnt::Table> tables = {
        {"head", head},
        {"hhea", font.table("hhea").toByteArray()},
        {"maxp", font.table("maxp").toByteArray()},
        {"hmtx", font.table("hmtx").toByteArray()},
        {"loca", loca.data()},
        {"glyf", glyf},
    };
    for (const char* tag : {"cvt ", "fpgm", "prep", "OS/2", "name"}) {
        const QByteArray table = font.table(tag).toByteArray();
        if (!table.isEmpty())
            tables.emplace_back(tag, table);
    }
    if (post.size() == 32)
        tables.emplace_back("post", post);
    return sfnt::assemble(std::move(tables));
}

} // namespace sohoa::pdf
