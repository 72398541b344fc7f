// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <string_view>

// A minimal DER writer for the CMS structures SoHoa builds itself (OpenSSL's CMS_sign insists on
// holding the private key and on adding a signingTime, which PAdES B-B forbids). Each function
// returns one complete TLV; constructed values take their already encoded elements.
namespace sohoa::signing::der {

QByteArray sequence(const QList<QByteArray>& elements);
// SET OF in DER order: the encodings sorted as octet strings (X.690 11.6).
QByteArray setOf(QList<QByteArray> elements);
QByteArray integer(int value); // non-negative
QByteArray octetString(const QByteArray& bytes);
QByteArray null();
// From dotted notation, e.g. "1.2.840.113549.1.7.2".
QByteArray objectIdentifier(std::string_view dotted);

// [number] EXPLICIT: `inner` wrapped in a constructed context-specific tag.
QByteArray explicitTag(int number, const QByteArray& inner);
// [number] IMPLICIT of a constructed value (SET, SEQUENCE): the same bytes with the tag replaced.
QByteArray implicitTag(int number, const QByteArray& constructed);

} // namespace sohoa::signing::der
