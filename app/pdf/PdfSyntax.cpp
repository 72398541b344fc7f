// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/PdfSyntax.h"

#include <QRegularExpression>
#include <QTimeZone>
#include <cmath>
#include <cstdlib>

namespace sohoa::pdf::syntax {

QByteArray number(double value, int decimals)
{
    if (!std::isfinite(value))
        return QByteArrayLiteral("0");
    QByteArray text = QByteArray::number(value, 'f', decimals);
    if (text.contains('.')) {
        while (text.endsWith('0'))
            text.chop(1);
        if (text.endsWith('.'))
            text.chop(1);
    }
    if (text == "-0")
        return QByteArrayLiteral("0");
    return text;
}

QByteArray name(QByteArrayView name)
{
    QByteArray out = QByteArrayLiteral("/");
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        const bool regular =
            byte > 0x20 && byte < 0x7f && !QByteArrayView("#()<>[]{}/%").contains(c);
        if (regular) {
            out += c;
        } else {
            out += '#';
            out += QByteArray::number(byte, 16).rightJustified(2, '0').toUpper();
        }
    }
    return out;
}

QByteArray textString(const QString& text)
{
    bool plainAscii = true;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e) {
            plainAscii = false;
            break;
        }
    }
    if (plainAscii) {
        QByteArray out = QByteArrayLiteral("(");
        for (const QChar c : text) {
            const char ascii = static_cast<char>(c.unicode());
            if (ascii == '(' || ascii == ')' || ascii == '\\')
                out += '\\';
            out += ascii;
        }
        out += ')';
        return out;
    }
    QByteArray utf16be = QByteArrayLiteral("\xFE\xFF");
    utf16be.reserve(2 + 2 * text.size());
    for (const QChar c : text) {
        utf16be += static_cast<char>(c.unicode() >> 8);
        utf16be += static_cast<char>(c.unicode() & 0xff);
    }
    return hexString(utf16be);
}

QByteArray hexString(QByteArrayView bytes)
{
    return '<' + bytes.toByteArray().toHex().toUpper() + '>';
}

QByteArray date(const QDateTime& time)
{
    QByteArray out = "(D:" + time.toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1();
    const int offsetSeconds = time.offsetFromUtc();
    if (offsetSeconds == 0)
        return out + "Z)";
    const int minutes = std::abs(offsetSeconds) / 60;
    out += offsetSeconds > 0 ? '+' : '-';
    out += QByteArray::number(minutes / 60).rightJustified(2, '0') + '\'';
    out += QByteArray::number(minutes % 60).rightJustified(2, '0') + "')";
    return out;
}

QDateTime parseDate(const QString& text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(?:D:)?(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?"
                       "(?:([Zz+-])(?:(\\d{2})'?(?:(\\d{2})'?)?)?)?$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return {};
    const auto part = [&match](int index, int fallback) {
        const QString captured = match.captured(index);
        return captured.isEmpty() ? fallback : captured.toInt();
    };
    const QDate day(part(1, 0), part(2, 1), part(3, 1));
    const QTime time(part(4, 0), part(5, 0), part(6, 0));
    // Without an offset the zone is unknown; UTC is the least surprising reading.
    int offsetSeconds = (part(8, 0) * 60 + part(9, 0)) * 60;
    if (match.captured(7) == QLatin1String("-"))
        offsetSeconds = -offsetSeconds;
    const QTimeZone zone(offsetSeconds);
    if (!day.isValid() || !time.isValid() || !zone.isValid())
        return {};
    return QDateTime(day, time, zone);
}

QByteArray reference(int objectNumber)
{
    return QByteArray::number(objectNumber) + " 0 R";
}

QByteArray flate(QByteArrayView data, int level)
{
    // qCompress() prefixes the zlib stream with the uncompressed size (4 bytes, big-endian).
    QByteArray compressed = qCompress(reinterpret_cast<const uchar*>(data.data()),
                                      static_cast<int>(data.size()), level);
    compressed.remove(0, 4);
    return compressed;
}

} // namespace sohoa::pdf::syntax
