// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/Der.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <vector>

namespace sohoa::signing::der {

namespace {

constexpr char kInteger = 0x02;
constexpr char kOctetString = 0x04;
constexpr char kNull = 0x05;
constexpr char kObjectIdentifier = 0x06;
constexpr char kSequence = 0x30;
constexpr char kSet = 0x31;
constexpr int kContextConstructed = 0xa0;
constexpr int kMaxLowTagNumber = 30; // larger numbers need the multi-byte tag form

QByteArray length(qsizetype size)
{
    if (size < 0x80)
        return QByteArray(1, static_cast<char>(size));
    QByteArray bytes;
    for (auto rest = static_cast<quint64>(size); rest != 0; rest >>= 8)
        bytes.prepend(static_cast<char>(rest & 0xff));
    bytes.prepend(static_cast<char>(0x80 | bytes.size()));
    return bytes;
}

QByteArray tlv(char tag, const QByteArray& content)
{
    return QByteArray(1, tag) + length(content.size()) + content;
}

char contextConstructedTag(int number)
{
    if (number < 0 || number > kMaxLowTagNumber)
        throw std::invalid_argument("der: context tag number out of range");
    return static_cast<char>(kContextConstructed | number);
}

// One arc in base 128, most significant group first, the high bit set on all but the last.
QByteArray base128(quint64 value)
{
    QByteArray bytes(1, static_cast<char>(value & 0x7f));
    for (value >>= 7; value != 0; value >>= 7)
        bytes.prepend(static_cast<char>(0x80 | (value & 0x7f)));
    return bytes;
}

std::vector<quint64> arcs(std::string_view dotted)
{
    std::vector<quint64> values;
    const char* position = dotted.data();
    const char* const end = dotted.data() + dotted.size();
    while (position < end) {
        quint64 value = 0;
        const auto [next, error] = std::from_chars(position, end, value);
        if (error != std::errc() || (next != end && *next != '.'))
            throw std::invalid_argument("der: malformed object identifier");
        values.push_back(value);
        position = next == end ? end : next + 1;
    }
    if (values.size() < 2 || values[0] > 2 || (values[0] < 2 && values[1] > 39))
        throw std::invalid_argument("der: malformed object identifier");
    return values;
}

} // namespace

QByteArray sequence(const QList<QByteArray>& elements)
{
    return tlv(kSequence, elements.join());
}

QByteArray setOf(QList<QByteArray> elements)
{
    // QByteArray compares bytes as unsigned; no two TLVs are prefixes of each other, so plain
    // lexicographic order is X.690's order with zero padding.
    std::sort(elements.begin(), elements.end());
    return tlv(kSet, elements.join());
}

QByteArray integer(int value)
{
    if (value < 0)
        throw std::invalid_argument("der: negative integers are not needed here");
    QByteArray bytes;
    for (auto rest = static_cast<unsigned>(value); bytes.isEmpty() || rest != 0; rest >>= 8)
        bytes.prepend(static_cast<char>(rest & 0xff));
    if (bytes.front() & 0x80)
        bytes.prepend('\0'); // keep it positive
    return tlv(kInteger, bytes);
}

QByteArray octetString(const QByteArray& bytes)
{
    return tlv(kOctetString, bytes);
}

QByteArray null()
{
    return tlv(kNull, {});
}

QByteArray objectIdentifier(std::string_view dotted)
{
    const std::vector<quint64> values = arcs(dotted);
    QByteArray content = base128(values[0] * 40 + values[1]);
    for (std::size_t index = 2; index < values.size(); ++index)
        content += base128(values[index]);
    return tlv(kObjectIdentifier, content);
}

QByteArray explicitTag(int number, const QByteArray& inner)
{
    return tlv(contextConstructedTag(number), inner);
}

QByteArray implicitTag(int number, const QByteArray& constructed)
{
    QByteArray bytes = constructed;
    bytes[0] = contextConstructedTag(number);
    return bytes;
}

} // namespace sohoa::signing::der
