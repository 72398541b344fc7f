// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/DigestSigner.h"

#include <QByteArray>
#include <QCoreApplication>

namespace sohoa::signing {

// The CMS container of a PAdES signature (/SubFilter ETSI.CAdES.detached, ETSI EN 319 142-1):
// a detached SignedData whose one SignerInfo signs the SHA-256 digest of a PDF's byte range.
// Built in two steps so the PDF layer can sign offline and time-stamp when a TSA answers:
// create() gives B-B; SignatureTimestamper::addTimestamp() asks the TSA over signatureValue()
// and returns withSignatureTimestamp(), B-T.
class CadesSignedData
{
    Q_DECLARE_TR_FUNCTIONS(CadesSignedData)

public:
    // PAdES B-B: DER ContentInfo holding SignedData version 1 with the signer's certificate chain,
    // no eContent, and one SignerInfo (issuerAndSerialNumber, SHA-256) whose signed attributes
    // are exactly content-type, message-digest and signing-certificate-v2 (no signingTime: the
    // time goes in the signature dictionary's /M). `contentDigest` is 32 bytes. The signature is
    // checked against the certificate's key before it is returned. Throws UserError.
    static QByteArray create(const QByteArray& contentDigest, DigestSigner& signer);

    // The SignerInfo's signature value: a signature time-stamp's imprint is its SHA-256.
    // Throws UserError when `cms` is not a SignedData with one signer.
    static QByteArray signatureValue(const QByteArray& cms);

    // PAdES B-T: `cms` with `timestampToken` (the DER ContentInfo a TSA returned) added to its
    // SignerInfo as the unsigned attribute id-aa-signatureTimeStampToken. The signed part is
    // unchanged, so the signature stays valid. Throws UserError as signatureValue() does.
    static QByteArray withSignatureTimestamp(const QByteArray& cms,
                                             const QByteArray& timestampToken);
};

} // namespace sohoa::signing
