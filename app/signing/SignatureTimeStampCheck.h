// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/PdfSignatureReport.h"
#include "signing/TrustAnchors.h"

#include <QByteArray>

namespace sohoa::signing {

// An RFC 3161 signature time-stamp (the CMS unsigned attribute id-aa-signatureTimeStampToken):
// valid when the token's signature verifies, its TSA certificate chains to a trust anchor with
// the timeStamping purpose, and its message imprint is the hash of the signature value.
class SignatureTimeStampCheck
{
public:
    // `token`: the attribute's TimeStampToken (DER), empty when the signature has none.
    static SignatureTimeStamp check(const QByteArray& token, const QByteArray& signatureValue,
                                    const TrustAnchors& anchors);
};

} // namespace sohoa::signing
