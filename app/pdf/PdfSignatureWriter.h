// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pdf/PreparedSignature.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace sohoa::pdf {

// The visible appearance of a signature: black text lines, no image (Circular 05/2025).
struct SignatureStamp
{
    static constexpr const char* defaultFontFile =
        "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf";

    QStringList lines; // top to bottom, e.g. agency, signer, signing time
    QString fontFile;  // a TrueType (.ttf) file; empty: defaultFontFile (Times New Roman metrics)
    double fontSizePt = 10;
};

struct SignatureRequest
{
    SignatureStamp stamp;
    QDateTime signingTime;         // the dictionary's /M, to the second, with its UTC offset
    qsizetype cmsCapacity = 16384; // bytes reserved for the CMS (DER)
};

// Signs a PDF without changing a byte of it: appends an incremental update holding a PAdES
// signature dictionary (ETSI.CAdES.detached, zero-filled /Contents), a signature field merged
// with its widget at the top right of page 1 (below earlier signatures), the stamp as its
// appearance in an embedded font subset, and new versions of page 1 (/Annots) and of the
// catalog or its /AcroForm (/Fields, /SigFlags 3). The update has a classic xref section whose
// /Prev is the original's, so earlier signatures stay valid and a PDF/A stays PDF/A.
//
//   PreparedSignature prepared = PdfSignatureWriter::prepare(pdf, request, name);
//   QByteArray cms = ...sign prepared.sha256() (or prepared.signedBytes())...;
//   QByteArray signedPdf = prepared.withSignature(cms);
class PdfSignatureWriter
{
    Q_DECLARE_TR_FUNCTIONS(PdfSignatureWriter)

public:
    // Throws sohoa::UserError: InvalidInput for an encrypted or damaged PDF (`name` names it)
    // or an unusable stamp font; Processing for a request without lines or signing time.
    static PreparedSignature prepare(const QByteArray& original, const SignatureRequest& request,
                                     const QString& name);
};

} // namespace sohoa::pdf
