// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <vector>

namespace sohoa::pdf {

// One digital signature found in a PDF, as written in its signature dictionary. Nothing here is
// verified: the CMS in `contents` is checked by the signing feature, which extends this struct.
struct PdfSignature
{
    QString fieldName;             // fully qualified, e.g. "approval.officer"
    QString type;                  // /Type: "Sig", "DocTimeStamp", or empty when absent
    QString filter;                // /Filter, e.g. "Adobe.PPKLite"
    QString subFilter;             // /SubFilter, e.g. "ETSI.CAdES.detached"
    QDateTime signingTime;         // /M; invalid when absent or unreadable
    std::vector<qint64> byteRange; // /ByteRange as written: offset, length, offset, length...
    QByteArray contents;           // /Contents: the signature container, decoded from hex
    // The byte range runs from the first byte to the last in order, so no update was appended
    // after this signature.
    bool coversWholeFile = false;
};

// Finds the digital signatures of a PDF held in memory: signature fields (/FT /Sig) with a
// signature dictionary as value, reached from /AcroForm /Fields (through /Kids) or from the
// widget annotations of the pages. A field without a value is an empty slot, not a signature.
class PdfSignatureProbe
{
    Q_DECLARE_TR_FUNCTIONS(PdfSignatureProbe)

public:
    // `name` names the file in messages. Throws sohoa::UserError (ErrorKind::InvalidInput) when
    // `pdf` cannot be read as a PDF.
    static std::vector<PdfSignature> signaturesIn(const QByteArray& pdf, const QString& name);

    // True when the file was changed after it was last signed: signatures exist but none of them
    // covers the whole file.
    static bool modifiedAfterSigning(const std::vector<PdfSignature>& signatures);
};

} // namespace sohoa::pdf
