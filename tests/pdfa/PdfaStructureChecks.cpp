// SPDX-License-Identifier: GPL-3.0-or-later
// ISO 19005-2, 6.1: file header and trailer, stream objects and filters, names and the
// implementation limits, read from the bytes where qpdf would hide the detail.
#include "pdfa/PdfaChecks.h"

#include <QStringDecoder>
#include <cstdint>
#include <limits>
#include <qpdf/Pl_Discard.hh>
#include <qpdf/QPDFXRefEntry.hh>
#include <set>
#include <string_view>

namespace sohoa::testing::pdfa {

namespace {

bool isEol(char c)
{
    return c == '\r' || c == '\n';
}

bool isWhiteSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\0' || isEol(c);
}

// Length of the end-of-line marker (CR LF, LF or CR) at `at`, 0 if there is none.
qsizetype eolLength(const QByteArray& bytes, qsizetype at)
{
    if (at < bytes.size() && bytes[at] == '\r')
        return at + 1 < bytes.size() && bytes[at + 1] == '\n' ? 2 : 1;
    return at < bytes.size() && bytes[at] == '\n' ? 1 : 0;
}

// 6.1.2: "%PDF-1.n" (n ≤ 7, PDF/A-2 is based on PDF 1.7), then a comment whose first four
// bytes are above 127, so transfer programs treat the file as binary.
void checkHeader(const QByteArray& bytes, Report& report)
{
    const bool version = bytes.startsWith("%PDF-1.") && bytes.size() > 8 && bytes[7] >= '0' &&
                         bytes[7] <= '7' && eolLength(bytes, 8) > 0;
    if (!version) {
        report.add("6.1.2", QStringLiteral("The file does not start with a %PDF-1.n header line "
                                           "(n at most 7)."));
        return;
    }
    const qsizetype comment = 8 + eolLength(bytes, 8);
    bool binary = comment + 4 < bytes.size() && bytes[comment] == '%';
    for (qsizetype i = comment + 1; binary && i <= comment + 4; ++i)
        binary = static_cast<unsigned char>(bytes[i]) > 127;
    if (!binary)
        report.add("6.1.2", QStringLiteral("The header line is not followed by a comment of at "
                                           "least four bytes above 127."));
}

// 6.1.3: file identifier, no encryption, nothing after the last %%EOF but an end of line.
void checkTrailer(const QByteArray& bytes, QPDF& pdf, Report& report)
{
    QPDFObjectHandle trailer = pdf.getTrailer();
    QPDFObjectHandle id = trailer.getKey("/ID");
    if (!id.isArray() || id.getArrayNItems() != 2 || !id.getArrayItem(0).isString() ||
        !id.getArrayItem(1).isString())
        report.add("6.1.3", QStringLiteral("The trailer has no /ID array of two strings."));
    if (trailer.hasKey("/Encrypt") || pdf.isEncrypted())
        report.add("6.1.3", QStringLiteral("The file is encrypted (/Encrypt in the trailer)."));

    const qsizetype eof = bytes.lastIndexOf("%%EOF");
    if (eof < 0) {
        report.add("6.1.3", QStringLiteral("The file has no %%EOF marker."));
        return;
    }
    const qsizetype end = eof + 5;
    if (end + eolLength(bytes, end) != bytes.size())
        report.add("6.1.3", QStringLiteral("%1 bytes follow the last %%EOF marker, where only an "
                                           "end-of-line marker may.")
                                .arg(bytes.size() - end));
}

// 6.1.7.1, 6.1.7.2: stream data in the file itself, standard filters but LZW and Crypt, and
// data qpdf can decode.
void checkStreamObject(QPDFObjectHandle stream, Report& report)
{
    static const std::set<std::string> standardFilters = {
        "ASCIIHexDecode", "ASCII85Decode", "LZWDecode", "FlateDecode", "RunLengthDecode",
        "CCITTFaxDecode", "JBIG2Decode",   "DCTDecode", "JPXDecode",   "Crypt"};
    const QString where = describe(stream);
    QPDFObjectHandle dictionary = stream.getDict();
    for (const char* key : {"/F", "/FFilter", "/FDecodeParms"}) {
        if (dictionary.hasKey(key))
            report.add("6.1.7.1", QStringLiteral("Stream %1 has %2: its data must be in the file.")
                                      .arg(where, QLatin1String(key)));
    }
    for (const std::string& filter : filtersOf(stream)) {
        const QString name = QString::fromStdString(filter);
        if (filter == "LZWDecode" || filter == "Crypt")
            report.add("6.1.7.2", QStringLiteral("Stream %1 uses the %2 filter.").arg(where, name));
        else if (standardFilters.count(filter) == 0)
            report.add(
                "6.1.7.2",
                QStringLiteral("Stream %1 uses the non-standard filter %2.").arg(where, name));
    }
    // Lossy filters (DCT, JPX) are passed through undecoded; everything else must decode.
    Pl_Discard discard;
    bool decoded = false;
    try {
        decoded = stream.pipeStreamData(&discard, nullptr, 0, qpdf_dl_specialized, true);
    } catch (const std::exception&) {
    }
    if (!decoded)
        report.add("6.1",
                   QStringLiteral("qpdf reports damage: stream %1 cannot be decoded.").arg(where));
}

// 6.1.7.1: "stream" is followed by CR LF or LF, /Length counts exactly the bytes from there
// to the end-of-line marker before "endstream". Read from the file, where qpdf would silently
// repair a wrong length.
void checkStreamExtent(const QByteArray& bytes, qsizetype objectOffset, QPDFObjectHandle stream,
                       Report& report)
{
    const QString where = describe(stream);
    const qsizetype objectEnd = bytes.indexOf("endobj", objectOffset);
    qsizetype keyword = bytes.indexOf("stream", objectOffset);
    while (keyword > 0 && !(bytes[keyword - 1] == '>' || isWhiteSpace(bytes[keyword - 1])))
        keyword = bytes.indexOf("stream", keyword + 6);
    if (keyword < 0 || (objectEnd >= 0 && keyword > objectEnd))
        return; // not where the cross-reference table says: qpdf reports that
    const qsizetype afterKeyword = keyword + 6;
    const qsizetype eol = eolLength(bytes, afterKeyword);
    if (eol == 0 || (eol == 1 && bytes[afterKeyword] == '\r')) {
        report.add("6.1.7.1", QStringLiteral("The stream keyword of %1 is not followed by CR LF "
                                             "or LF.")
                                  .arg(where));
        return;
    }
    QPDFObjectHandle length = stream.getDict().getKey("/Length");
    if (!length.isInteger())
        return; // qpdf reports that
    const long long end = afterKeyword + eol + length.getIntValue();
    const bool fits = end >= 0 && end <= bytes.size();
    const qsizetype endEol = fits ? eolLength(bytes, static_cast<qsizetype>(end)) : 0;
    if (!fits || endEol == 0 ||
        bytes.mid(static_cast<qsizetype>(end) + endEol, 9) != QByteArrayLiteral("endstream"))
        report.add("6.1.7.1", QStringLiteral("/Length %1 of %2 does not end at an end-of-line "
                                             "marker followed by endstream.")
                                  .arg(length.getIntValue())
                                  .arg(where));
}

void checkName(const std::string& name, QPDFObjectHandle owner, Report& report)
{
    const std::string_view bytes = std::string_view(name).substr(1);
    if (bytes.size() > 127)
        report.add("6.1.13",
                   QStringLiteral("A name in %1 is longer than 127 bytes.").arg(describe(owner)));
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString decoded = utf8.decode(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
    if (utf8.hasError())
        report.add(
            "6.1.8",
            QStringLiteral("The name /%1 in %2 is not valid UTF-8.").arg(decoded, describe(owner)));
}

// 6.1.8 and 6.1.13 over every object: names, string lengths, integer range.
void checkObjects(QPDF& pdf, Report& report)
{
    forEachObject(pdf, [&report](QPDFObjectHandle object, QPDFObjectHandle owner) {
        if (object.isName()) {
            checkName(object.getName(), owner, report);
        } else if (object.isDictionary()) {
            for (const std::string& key : object.getKeys())
                checkName(key, owner, report);
        } else if (object.isString()) {
            if (object.getStringValue().size() > 32767)
                report.add("6.1.13", QStringLiteral("A string in %1 is longer than 32767 bytes.")
                                         .arg(describe(owner)));
        } else if (object.isInteger()) {
            const long long value = object.getIntValue();
            if (value > std::numeric_limits<std::int32_t>::max() ||
                value < std::numeric_limits<std::int32_t>::min())
                report.add("6.1.13", QStringLiteral("The integer %1 in %2 is out of the 32-bit "
                                                    "range.")
                                         .arg(value)
                                         .arg(describe(owner)));
        }
    });
    if (pdf.getObjectCount() > 8388607)
        report.add("6.1.13", QStringLiteral("The file has more than 8388607 indirect objects."));
}

} // namespace

void checkFileStructure(const QByteArray& bytes, QPDF& pdf, Report& report)
{
    checkHeader(bytes, report);
    checkTrailer(bytes, pdf, report);
    for (QPDFObjectHandle object : pdf.getAllObjects()) {
        if (object.isStream())
            checkStreamObject(object, report);
    }
    for (auto& [objGen, entry] : pdf.getXRefTable()) {
        if (entry.getType() != 1) // 2: inside an object stream, which has no keyword of its own
            continue;
        QPDFObjectHandle object = pdf.getObject(objGen);
        if (object.isStream())
            checkStreamExtent(bytes, static_cast<qsizetype>(entry.getOffset()), object, report);
    }
    checkObjects(pdf, report);
}

} // namespace sohoa::testing::pdfa
