// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <cstdint>
#include <utility>
#include <vector>

// Writing TrueType (sfnt) font files: big-endian fields, table checksums, the table directory.
// Shared by the generated glyphless font and the subsets of real fonts.
namespace sohoa::pdf::sfnt {

// Big-endian writer for sfnt structures.
class Bytes
{
public:
    Bytes& u8(unsigned value)
    {
        data_ += static_cast<char>(value & 0xffu);
        return *this;
    }
    Bytes& u16(unsigned value) { return u8(value >> 8).u8(value); }
    Bytes& i16(int value) { return u16(static_cast<unsigned>(value) & 0xffffu); }
    Bytes& u32(std::uint32_t value) { return u16(value >> 16).u16(value & 0xffffu); }
    Bytes& i64(std::int64_t value)
    {
        const auto bits = static_cast<std::uint64_t>(value);
        return u32(static_cast<std::uint32_t>(bits >> 32))
            .u32(static_cast<std::uint32_t>(bits & 0xffffffffu));
    }
    Bytes& tag(const char (&text)[5]) { return raw(QByteArray(text, 4)); }
    Bytes& raw(QByteArrayView bytes)
    {
        data_.append(bytes);
        return *this;
    }
    const QByteArray& data() const { return data_; }

private:
    QByteArray data_;
};

// Big-endian reads; the caller checks that the bytes exist.
unsigned readU16(QByteArrayView data, qsizetype at);
std::uint32_t readU32(QByteArrayView data, qsizetype at);

// A table tag ("glyf") and the table's bytes, unpadded.
using Table = std::pair<QByteArray, QByteArray>;

// The complete font file: the table directory sorted by tag, each table padded to four bytes
// with its checksum, and head.checkSumAdjustment set (the table list must contain "head").
QByteArray assemble(std::vector<Table> tables);

} // namespace sohoa::pdf::sfnt
