// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/OpenSslHandles.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <vector>

namespace sohoa::signing {

// What a PDF signature's CMS SignedData says and whether it holds, read with OpenSSL.
struct CmsSignatureFacts
{
    openssl::Certificate signer;        // null when the CMS does not carry the signer's certificate
    openssl::Certificates certificates; // every certificate the CMS carries (the signer's too)
    QString digestAlgorithm;            // e.g. "SHA256"; empty when the CMS is unreadable

    bool digestMatches = false;
    bool signatureVerifies = false;

    bool hasSignedAttributes = false;
    bool hasSigningTime = false;
    // signing-certificate-v2 present and naming the signer's certificate.
    bool signingCertificateV2Matches = false;

    QByteArray signatureValue; // SignerInfo.signature, what a signature time-stamp covers
    QByteArray timeStampToken; // id-aa-signatureTimeStampToken (DER), empty when absent
};

// Checks the CMS of one signature against the bytes it signs: the message digest over them
// (or, without signed attributes, the signature directly), and the signature over the signed
// attributes. A CMS that is unreadable, has other than one signer, or lacks the signer's
// certificate yields facts with every check false.
class CmsSignatureCheck
{
public:
    // `container`: /Contents (BER or DER, trailing zero padding allowed). `signedParts`: the
    // byte ranges' contents in order; empty when the /ByteRange is broken (no digest then).
    static CmsSignatureFacts check(const QByteArray& container,
                                   const std::vector<QByteArrayView>& signedParts);
};

} // namespace sohoa::signing
