// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

// Serialization of PDF's basic object types (ISO 32000-1, 7.3). Pure functions, no I/O.
namespace sohoa::pdf::syntax {

// A real number in plain decimal notation (PDF has no exponent form), at most `decimals`
// fractional digits, trailing zeros dropped; "-0" never appears.
QByteArray number(double value, int decimals = 3);

// "/Name" with every byte outside the regular-character range written as #xx.
QByteArray name(QByteArrayView name);

// A text string: a literal "(...)" when plain printable ASCII, otherwise UTF-16BE with a BOM
// written as a hex string, so that any Unicode title survives every reader.
QByteArray textString(const QString& text);

// A byte string as "<hex>".
QByteArray hexString(QByteArrayView bytes);

// The date string "(D:YYYYMMDDHHmmSS+HH'mm')" in the time zone of `time`.
QByteArray date(const QDateTime& time);

// The date of a PDF date string's content, e.g. "D:20240501093000+07'00'": every part after the
// year optional (ISO 32000-1, 7.9.4), UTC when no offset is given. Invalid when unreadable.
QDateTime parseDate(const QString& text);

// "n 0 R".
QByteArray reference(int objectNumber);

// The zlib stream that a /FlateDecode filter expects; level as zlib's (1 fast .. 9 small).
QByteArray flate(QByteArrayView data, int level = 6);

} // namespace sohoa::pdf::syntax
