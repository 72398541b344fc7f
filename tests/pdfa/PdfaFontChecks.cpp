// SPDX-License-Identifier: GPL-3.0-or-later
// ISO 19005-2, 6.2.11: font types, embedding, CIDFonts, glyph widths against the embedded
// TrueType program, and (SoHoa's text must be searchable) a ToUnicode map on every font.
#include "pdfa/PdfaChecks.h"

#include <QStringList>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <set>

namespace sohoa::testing::pdfa {

namespace {

unsigned readU16(const QByteArray& data, qsizetype at)
{
    return (static_cast<unsigned>(static_cast<unsigned char>(data[at])) << 8) |
           static_cast<unsigned char>(data[at + 1]);
}

std::uint32_t readU32(const QByteArray& data, qsizetype at)
{
    return (static_cast<std::uint32_t>(readU16(data, at)) << 16) | readU16(data, at + 2);
}

// What 6.2.11.5 needs from a TrueType program: advance widths in font units.
struct TrueTypeMetrics
{
    int unitsPerEm = 0;
    int glyphCount = 0;
    std::vector<unsigned> advances; // one per long horizontal metric

    // Glyphs past the last long metric repeat its advance.
    unsigned advance(long long glyph) const
    {
        return advances[static_cast<size_t>(
            std::min<long long>(glyph, static_cast<long long>(advances.size()) - 1))];
    }
};

// Reads head, hhea, maxp and hmtx; sets `error` when the program is not a usable TrueType font.
std::optional<TrueTypeMetrics> readTrueType(const QByteArray& font, QString& error)
{
    if (font.size() < 12 || (readU32(font, 0) != 0x00010000 && font.left(4) != "true")) {
        error = QStringLiteral("it does not start with a TrueType signature");
        return std::nullopt;
    }
    const unsigned tableCount = readU16(font, 4);
    if (12 + 16 * qsizetype(tableCount) > font.size()) {
        error = QStringLiteral("its table directory is truncated");
        return std::nullopt;
    }
    std::map<QByteArray, std::pair<qsizetype, qsizetype>> tables; // tag -> offset, length
    for (unsigned i = 0; i < tableCount; ++i) {
        const qsizetype record = 12 + 16 * qsizetype(i);
        const qsizetype offset = readU32(font, record + 8);
        const qsizetype length = readU32(font, record + 12);
        if (offset + length <= font.size())
            tables[font.mid(record, 4)] = {offset, length};
    }
    const auto table = [&tables](const char* tag, qsizetype minimum) -> std::optional<qsizetype> {
        const auto found = tables.find(QByteArray(tag));
        if (found == tables.end() || found->second.second < minimum)
            return std::nullopt;
        return found->second.first;
    };
    const std::optional<qsizetype> head = table("head", 54);
    const std::optional<qsizetype> hhea = table("hhea", 36);
    const std::optional<qsizetype> maxp = table("maxp", 6);
    if (!head || !hhea || !maxp) {
        error = QStringLiteral("it lacks a complete head, hhea or maxp table");
        return std::nullopt;
    }
    TrueTypeMetrics metrics;
    metrics.unitsPerEm = static_cast<int>(readU16(font, *head + 18));
    metrics.glyphCount = static_cast<int>(readU16(font, *maxp + 4));
    const unsigned longMetrics = readU16(font, *hhea + 34);
    const std::optional<qsizetype> hmtx = table("hmtx", 4 * qsizetype(longMetrics));
    if (metrics.unitsPerEm < 16 || longMetrics == 0 || !hmtx) {
        error = QStringLiteral("its unitsPerEm or horizontal metrics are unusable");
        return std::nullopt;
    }
    for (unsigned i = 0; i < longMetrics; ++i)
        metrics.advances.push_back(readU16(font, *hmtx + 4 * qsizetype(i)));
    return metrics;
}

// The embedded font program from a font descriptor, and the key it is under.
std::pair<QPDFObjectHandle, QString> fontProgram(QPDFObjectHandle font)
{
    QPDFObjectHandle descriptor = font.getKey("/FontDescriptor");
    if (descriptor.isDictionary()) {
        for (const char* key : {"/FontFile", "/FontFile2", "/FontFile3"}) {
            QPDFObjectHandle program = descriptor.getKey(key);
            if (program.isStream())
                return {program, QLatin1String(key + 1)};
        }
    }
    return {QPDFObjectHandle::newNull(), {}};
}

// 6.2.11.5: the widths in /W equal the program's advances, scaled to 1000 units per em, to
// within one unit. Every CID listed is checked, not only those the text uses.
void checkWidths(QPDFObjectHandle cidFont, const TrueTypeMetrics& metrics, const QString& what,
                 Report& report)
{
    QPDFObjectHandle map = cidFont.getKey("/CIDToGIDMap");
    const QByteArray glyphMap = map.isStream() ? decodedData(map) : QByteArray();
    const auto glyphOf = [&map, &glyphMap](long long cid) -> long long {
        if (!map.isStream())
            return cid; // /Identity
        const qsizetype at = 2 * static_cast<qsizetype>(cid);
        return at + 1 < glyphMap.size() ? readU16(glyphMap, at) : 0;
    };
    int mismatches = 0;
    QString first;
    const auto compare = [&](long long cid, double width) {
        const long long glyph = glyphOf(cid);
        if (glyph >= metrics.glyphCount)
            return;
        const double expected = metrics.advance(glyph) * 1000.0 / metrics.unitsPerEm;
        if (std::abs(width - expected) <= 1.0)
            return;
        if (mismatches++ == 0)
            first = QStringLiteral("CID %1 is %2 wide in /W and %3 in the program")
                        .arg(cid)
                        .arg(width)
                        .arg(expected);
    };

    QPDFObjectHandle widths = cidFont.getKey("/W");
    std::vector<QPDFObjectHandle> items =
        widths.isArray() ? widths.getArrayAsVector() : std::vector<QPDFObjectHandle>{};
    for (size_t i = 0; i < items.size();) {
        // Either "c [w1 w2 ...]" or "c_first c_last w".
        const bool list = i + 1 < items.size() && items[i].isInteger() && items[i + 1].isArray();
        const bool range = i + 2 < items.size() && items[i].isInteger() &&
                           items[i + 1].isInteger() && items[i + 2].isNumber();
        if (list) {
            std::vector<QPDFObjectHandle> run = items[i + 1].getArrayAsVector();
            for (size_t j = 0; j < run.size(); ++j) {
                if (run[j].isNumber())
                    compare(items[i].getIntValue() + static_cast<long long>(j),
                            run[j].getNumericValue());
            }
            i += 2;
        } else if (range) {
            const long long last = std::min(items[i + 1].getIntValue(), 0xFFFFLL);
            for (long long cid = std::max(items[i].getIntValue(), 0LL); cid <= last; ++cid)
                compare(cid, items[i + 2].getNumericValue());
            i += 3;
        } else {
            report.add("6.2.11.5", QStringLiteral("The /W array of %1 is malformed.").arg(what));
            return;
        }
    }
    if (mismatches > 0)
        report.add("6.2.11.5", QStringLiteral("%1: %2 glyph widths disagree with the embedded "
                                              "font program (%3).")
                                   .arg(what)
                                   .arg(mismatches)
                                   .arg(first));
}

// 6.2.11.3.2, 6.2.11.4.1, 6.2.11.5 for the CIDFont under a Type 0 font.
void checkCidFont(QPDFObjectHandle cidFont, const QString& what, Report& report)
{
    auto [program, key] = fontProgram(cidFont);
    if (program.isNull())
        report.add("6.2.11.4.1", QStringLiteral("%1 is not embedded (no FontFile, FontFile2 or "
                                                "FontFile3 in its descriptor).")
                                     .arg(what));
    if (!isName(cidFont.getKey("/Subtype"), "CIDFontType2"))
        return;
    QPDFObjectHandle map = cidFont.getKey("/CIDToGIDMap");
    if (!map.isStream() && !isName(map, "Identity"))
        report.add("6.2.11.3.2", QStringLiteral("%1 is a CIDFontType2 without a /CIDToGIDMap "
                                                "stream or /Identity.")
                                     .arg(what));
    if (key != u"FontFile2")
        return;
    QString error;
    const std::optional<TrueTypeMetrics> metrics = readTrueType(decodedData(program), error);
    if (!metrics)
        report.add("6.2.11.4.1",
                   QStringLiteral("The FontFile2 of %1 (%2) is not a usable TrueType program: %3.")
                       .arg(what, describe(program), error));
    else
        checkWidths(cidFont, *metrics, what, report);
}

void checkFont(QPDFObjectHandle font, const QString& what, Report& report)
{
    static const QStringList types = {QStringLiteral("Type0"), QStringLiteral("Type1"),
                                      QStringLiteral("MMType1"), QStringLiteral("Type3"),
                                      QStringLiteral("TrueType")};
    const QString subtype = nameOf(font.getKey("/Subtype"));
    if (!types.contains(subtype))
        report.add("6.2.11.2",
                   QStringLiteral("%1 has the unknown font type \"%2\".").arg(what, subtype));
    // 6.2.11.7.2 asks this of level U only; SoHoa's text layer is there to be searched.
    if (!font.getKey("/ToUnicode").isStream())
        report.add("6.2.11.7.2",
                   QStringLiteral("SoHoa rule: %1 has no /ToUnicode CMap stream, so its text "
                                  "cannot be searched or copied.")
                       .arg(what));
    if (subtype == u"Type3") // glyphs are content streams, nothing to embed
        return;
    if (subtype != u"Type0") {
        auto [program, key] = fontProgram(font);
        QString error;
        if (program.isNull())
            report.add("6.2.11.4.1", QStringLiteral("%1 is not embedded (no FontFile, FontFile2 "
                                                    "or FontFile3 in its descriptor).")
                                         .arg(what));
        else if (key == u"FontFile2" && !readTrueType(decodedData(program), error))
            report.add("6.2.11.4.1",
                       QStringLiteral("The FontFile2 of %1 (%2) is not a usable TrueType "
                                      "program: %3.")
                           .arg(what, describe(program), error));
        return;
    }
    QPDFObjectHandle descendants = font.getKey("/DescendantFonts");
    if (!descendants.isArray() || descendants.getArrayNItems() != 1 ||
        !descendants.getArrayItem(0).isDictionary()) {
        report.add("6.2.11.3.1", QStringLiteral("%1 (Type0) has no descendant CIDFont.").arg(what));
        return;
    }
    QPDFObjectHandle cidFont = descendants.getArrayItem(0);
    checkCidFont(cidFont, QStringLiteral("%1, CIDFont %2").arg(what, describe(cidFont)), report);
}

} // namespace

void checkFonts(const DocumentParts& parts, Report& report)
{
    std::set<QPDFObjGen> seen;
    for (const Resources& resources : parts.resources) {
        QPDFObjectHandle dictionary = resources.dictionary; // qpdf's accessors are not const
        QPDFObjectHandle fonts = dictionary.getKey("/Font");
        if (!fonts.isDictionary())
            continue;
        for (auto& [name, font] : fonts.getDictAsMap()) {
            if (!font.isDictionary() ||
                (font.isIndirect() && !seen.insert(font.getObjGen()).second))
                continue;
            checkFont(font,
                      QStringLiteral("%1: font %2 (%3)")
                          .arg(resources.where, QString::fromStdString(name), describe(font)),
                      report);
        }
    }
}

} // namespace sohoa::testing::pdfa
