// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/SignedByteRange.h"

#include <algorithm>

namespace sohoa::signing {

namespace {

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// The gap is "<hex>" and decodes to the dictionary's /Contents: the signature that is checked
// is the one the dictionary holds, not some other string the range happens to skip.
bool gapIsContents(QByteArrayView gap, const QByteArray& contents)
{
    if (gap.size() < 2 || gap.front() != '<' || gap.back() != '>')
        return false;
    const QByteArrayView hex = gap.sliced(1, gap.size() - 2);
    return std::all_of(hex.begin(), hex.end(), isHexDigit) &&
           QByteArray::fromHex(hex.toByteArray()) == contents;
}

} // namespace

SignedByteRange::SignedByteRange(const QByteArray& pdf, const std::vector<qint64>& range,
                                 const QByteArray& contents)
    : pdf_(pdf), range_(range)
{
    if (range_.size() != 4)
        return;
    const qint64 firstLength = range_[1];
    const qint64 secondStart = range_[2];
    const qint64 secondLength = range_[3];
    if (range_[0] != 0 || firstLength <= 0 || secondStart <= firstLength || secondLength < 0 ||
        secondStart > pdf.size() || secondLength > pdf.size() - secondStart)
        return;
    wellFormed_ =
        gapIsContents(QByteArrayView(pdf).sliced(firstLength, secondStart - firstLength), contents);
}

std::vector<QByteArrayView> SignedByteRange::parts() const
{
    if (!wellFormed_)
        return {};
    const QByteArrayView file(pdf_);
    return {file.sliced(0, range_[1]), file.sliced(range_[2], range_[3])};
}

} // namespace sohoa::signing
