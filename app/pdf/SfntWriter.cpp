// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/SfntWriter.h"

#include <algorithm>
#include <stdexcept>

namespace sohoa::pdf::sfnt {

namespace {

std::uint32_t checksum(QByteArrayView data)
{
    std::uint32_t sum = 0;
    for (qsizetype i = 0; i < data.size(); i += 4) {
        std::uint32_t word = 0;
        for (qsizetype j = 0; j < 4; ++j) {
            const auto byte = i + j < data.size() ? static_cast<unsigned char>(data[i + j]) : 0u;
            word = (word << 8) | byte;
        }
        sum += word;
    }
    return sum;
}

} // namespace

unsigned readU16(QByteArrayView data, qsizetype at)
{
    return (static_cast<unsigned>(static_cast<unsigned char>(data[at])) << 8) |
           static_cast<unsigned char>(data[at + 1]);
}

std::uint32_t readU32(QByteArrayView data, qsizetype at)
{
    return (static_cast<std::uint32_t>(readU16(data, at)) << 16) | readU16(data, at + 2);
}

QByteArray assemble(std::vector<Table> tables)
{
    // The table directory must be sorted by tag (byte order).
    std::sort(tables.begin(), tables.end(),
              [](const Table& a, const Table& b) { return a.first < b.first; });

    const auto numTables = static_cast<unsigned>(tables.size());
    unsigned entrySelector = 0;
    while ((2u << entrySelector) <= numTables)
        ++entrySelector;
    const unsigned searchRange = (1u << entrySelector) * 16;

    Bytes directory;
    directory.u32(0x00010000).u16(numTables);
    directory.u16(searchRange).u16(entrySelector).u16(numTables * 16 - searchRange);
    QByteArray body;
    std::uint32_t offset = 12 + 16 * numTables;
    qsizetype headOffset = -1;
    for (auto& [tag, table] : tables) {
        if (tag == "head") {
            // Checksums are taken with checkSumAdjustment at zero; it is set last.
            if (table.size() < 12)
                throw std::logic_error("sfnt::assemble: head table too short");
            table.replace(8, 4, QByteArray(4, '\0'));
            headOffset = offset;
        }
        directory.raw(tag).u32(checksum(table)).u32(offset);
        directory.u32(static_cast<std::uint32_t>(table.size()));
        body += table;
        while (body.size() % 4 != 0)
            body += '\0';
        offset = static_cast<std::uint32_t>(12 + 16 * numTables + body.size());
    }
    if (headOffset < 0)
        throw std::logic_error("sfnt::assemble: no head table");
    QByteArray font = directory.data() + body;

    // checkSumAdjustment makes the whole file sum to the magic 0xB1B0AFBA.
    const std::uint32_t adjustment = 0xB1B0AFBAu - checksum(font);
    for (int i = 0; i < 4; ++i)
        font[headOffset + 8 + i] = static_cast<char>((adjustment >> (24 - 8 * i)) & 0xffu);
    return font;
}

} // namespace sohoa::pdf::sfnt
