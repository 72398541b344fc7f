// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <array>
#include <vector>

namespace sohoa::pdf {

// A PDF whose last incremental update holds a signature dictionary with its final /ByteRange
// and a zero-filled /Contents placeholder: everything but the CMS. The byte range covers the
// whole file except the /Contents hex string, its "<" and ">" included, so the bytes to sign
// are known now and nothing else changes when the CMS is written in.
class PreparedSignature
{
    Q_DECLARE_TR_FUNCTIONS(PreparedSignature)

public:
    // The signature dictionary with a fixed-width /ByteRange placeholder and room for
    // `capacity` bytes of CMS (DER); `signingTime` goes in /M with its UTC offset.
    static QByteArray signatureDictionary(const QDateTime& signingTime, qsizetype capacity);

    // `bytes` holds a signatureDictionary() starting at `dictionaryOffset`; its /ByteRange is
    // filled in here.
    PreparedSignature(QByteArray bytes, qint64 dictionaryOffset);

    // The placeholder of a signature already in `signedPdf`, emptied, so that a larger container
    // of the same signature (one with a time-stamp added) can be written into it. Only a
    // signature whose `byteRange` ends at the end of the file qualifies: a later revision's
    // signature would cover these bytes. Throws UserError (Processing) for any other range.
    static PreparedSignature reopen(QByteArray signedPdf, const std::vector<qint64>& byteRange);

    // The prepared file: /ByteRange final, /Contents all zeros.
    const QByteArray& bytes() const { return bytes_; }
    // offset, length, offset, length: before and after the /Contents hex string.
    std::array<qint64, 4> byteRange() const;
    // The most CMS bytes the placeholder holds.
    qsizetype capacity() const { return (contentsEnd_ - contentsStart_ - 2) / 2; }

    // The bytes the signature covers (both ranges, in order), and their SHA-256 digest (the
    // CMS messageDigest).
    QByteArray signedBytes() const;
    QByteArray sha256() const;

    // The signed file: `cmsDer` written as hex into the placeholder, the rest left zero.
    // Throws sohoa::UserError (Processing) when the CMS is empty or larger than capacity().
    QByteArray withSignature(const QByteArray& cmsDer) const;

private:
    PreparedSignature(QByteArray bytes, qint64 contentsStart, qint64 contentsEnd);

    QByteArray bytes_;
    qint64 contentsStart_ = 0; // offset of "<"
    qint64 contentsEnd_ = 0;   // one past ">"
};

} // namespace sohoa::pdf
