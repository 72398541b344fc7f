// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/DigestSigner.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QUrl>

namespace sohoa::usecases {

// How the workstation signs: what the stamp shows and where time-stamps come from.
struct SigningSettings
{
    QString agencyName;   // the digitizing agency, first line of the stamp
    QString fontFile;     // empty: Liberation Serif (Times New Roman metrics)
    QUrl timestampServer; // RFC 3161; empty: none configured (PAdES B-B)
};

// A PDF signed by PdfSigner, with what the store records about the signature.
struct SignedPdf
{
    QByteArray pdf;
    QString fieldName;
    QString signerName;
    QByteArray signerCertificate; // DER
    QDateTime signedAt;           // Vietnam time (+07:00), as on the stamp and in /M
    QString level;                // "PAdES-B-B" or "PAdES-B-T"
    // "none": no TSA configured; "awaiting": the TSA was unreachable, queued; "stamped"
    QString timestampStatus;
    QString offlineReason;      // why the time-stamp is awaited
    bool testSignature = false; // made with the demo identity
};

// Signs one PDF as the last step of digitization: a PAdES signature (ETSI.CAdES.detached) in
// an incremental update, with the stamp of Circular 05/2025 at the top right of page 1 (agency,
// signer, signing time in ISO 8601 +07:00), and a signature time-stamp when a TSA answers.
class PdfSigner
{
    Q_DECLARE_TR_FUNCTIONS(PdfSigner)

public:
    PdfSigner(signing::DigestSigner& signer, SigningSettings settings);

    // `name` names the file in messages. Throws UserError; the input is never changed.
    SignedPdf sign(const QByteArray& pdf, const QString& name,
                   const QDateTime& now = QDateTime::currentDateTimeUtc()) const;

    // The bytes reserved in /Contents: the chain, the signer info, and room for a time-stamp
    // token added later (the "awaiting" queue writes it into the same placeholder).
    static qsizetype cmsCapacityFor(const QList<QByteArray>& certificateChain);

private:
    signing::DigestSigner& signer_;
    SigningSettings settings_;
};

} // namespace sohoa::usecases
