// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QStringView>
#include <map>
#include <vector>

namespace sohoa::pdf {

// Turns text into the 2-byte CIDs of the Identity-H text layer and writes the ToUnicode CMap
// that turns them back into text.
//
// A BMP character's CID is its UTF-16 code unit, so the CMap is a fixed set of ranges. Lone
// surrogates never occur in valid text, so the surrogate block D800-DFFF is free: each distinct
// character outside the BMP (Hán-Nôm extension B, emoji...) gets the next CID there, mapped to
// its surrogate pair by an explicit entry. Past those 2048 slots, and for unpaired surrogates,
// U+FFFD REPLACEMENT CHARACTER is written instead.
class CidEncoder
{
public:
    static constexpr char16_t replacement = 0xFFFD;

    // The CIDs of `text`, in order.
    std::vector<char16_t> encode(QStringView text);

    // The CIDs as a PDF hex string, two bytes each, for a Tj operand.
    static QByteArray hexString(const std::vector<char16_t>& cids);

    // The ToUnicode CMap program for every CID encode() has produced so far (and all BMP ones).
    QByteArray toUnicodeCMap() const;

    // Characters outside the BMP seen so far; the i-th one is CID 0xD800 + i.
    const std::vector<char32_t>& supplementaryCharacters() const { return supplementary_; }

private:
    std::vector<char32_t> supplementary_;
    std::map<char32_t, char16_t> supplementaryCid_;
};

} // namespace sohoa::pdf
