// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/CidEncoder.h"

#include "pdf/PdfSyntax.h"

#include <QChar>
#include <algorithm>

namespace sohoa::pdf {

namespace {

constexpr char16_t firstPrivateCid = 0xD800;
constexpr int privateCidCount = 0xE000 - 0xD800;
// A CMap section holds at most 100 entries (Adobe CMap specification, 5099).
constexpr int maxEntriesPerSection = 100;

QByteArray hex4(unsigned value)
{
    return QByteArray::number(value, 16).toUpper().rightJustified(4, '0');
}

void appendSections(QByteArray& out, const std::vector<QByteArray>& entries, const char* begin,
                    const char* end)
{
    for (size_t first = 0; first < entries.size(); first += maxEntriesPerSection) {
        const size_t count = std::min<size_t>(maxEntriesPerSection, entries.size() - first);
        out += QByteArray::number(count) + ' ' + begin + '\n';
        for (size_t i = first; i < first + count; ++i)
            out += entries[i] + '\n';
        out += QByteArray(end) + '\n';
    }
}

} // namespace

std::vector<char16_t> CidEncoder::encode(QStringView text)
{
    std::vector<char16_t> cids;
    cids.reserve(static_cast<size_t>(text.size()));
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!c.isSurrogate()) {
            cids.push_back(c.unicode());
            continue;
        }
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            const char32_t ucs4 = QChar::surrogateToUcs4(c, text[i + 1]);
            ++i;
            auto found = supplementaryCid_.find(ucs4);
            if (found != supplementaryCid_.end()) {
                cids.push_back(found->second);
            } else if (supplementary_.size() < privateCidCount) {
                const auto cid = static_cast<char16_t>(firstPrivateCid + supplementary_.size());
                supplementary_.push_back(ucs4);
                supplementaryCid_.emplace(ucs4, cid);
                cids.push_back(cid);
            } else {
                cids.push_back(replacement);
            }
            continue;
        }
        cids.push_back(replacement);
    }
    return cids;
}

QByteArray CidEncoder::hexString(const std::vector<char16_t>& cids)
{
    QByteArray bytes;
    bytes.reserve(2 * static_cast<qsizetype>(cids.size()));
    for (const char16_t cid : cids) {
        bytes += static_cast<char>(cid >> 8);
        bytes += static_cast<char>(cid & 0xff);
    }
    return syntax::hexString(bytes);
}

QByteArray CidEncoder::toUnicodeCMap() const
{
    QByteArray out = QByteArrayLiteral("/CIDInit /ProcSet findresource begin\n"
                                       "12 dict begin\n"
                                       "begincmap\n"
                                       "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
                                       "/Supplement 0 >> def\n"
                                       "/CMapName /Adobe-Identity-UCS def\n"
                                       "/CMapType 2 def\n"
                                       "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    // A bfrange may only vary in its last byte, hence one range per high byte.
    std::vector<QByteArray> ranges;
    for (unsigned high = 0; high <= 0xFF; ++high) {
        if (high >= 0xD8 && high <= 0xDF)
            continue;
        const unsigned first = high << 8;
        ranges.push_back('<' + hex4(first) + "> <" + hex4(first | 0xFF) + "> <" + hex4(first) +
                         '>');
    }
    appendSections(out, ranges, "beginbfrange", "endbfrange");

    std::vector<QByteArray> chars;
    for (size_t i = 0; i < supplementary_.size(); ++i) {
        const char32_t ucs4 = supplementary_[i];
        chars.push_back('<' + hex4(static_cast<unsigned>(firstPrivateCid + i)) + "> <" +
                        hex4(QChar::highSurrogate(ucs4)) + hex4(QChar::lowSurrogate(ucs4)) + '>');
    }
    appendSections(out, chars, "beginbfchar", "endbfchar");

    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return out;
}

} // namespace sohoa::pdf
