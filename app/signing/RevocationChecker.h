// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/PdfSignatureReport.h"
#include "signing/TrustAnchors.h"

#include <QCoreApplication>
#include <chrono>

namespace sohoa::signing {

// Whether a verified chain was revoked: every certificate below the trust anchor (the signer's
// and the intermediates') is asked about, OCSP first (fresh, small), its CRL when no OCSP
// answer can be had. Anchors themselves are trusted by configuration, not by revocation.
class RevocationChecker
{
    Q_DECLARE_TR_FUNCTIONS(RevocationChecker)

public:
    // `timeout` bounds each OCSP or CRL request.
    RevocationChecker(const TrustAnchors& anchors, std::chrono::milliseconds timeout);

    // `chain`: the signer first, the anchor last (TrustAnchors::checkChain). Revoked for the
    // first revoked certificate; else Unknown when a certificate has no trusted answer; else
    // Good, with the source that answered for the signer's certificate.
    Revocation check(STACK_OF(X509) * chain) const;

private:
    Revocation checkOne(X509* certificate, X509* issuer, STACK_OF(X509) * chain) const;

    const TrustAnchors& anchors_;
    std::chrono::milliseconds timeout_;
};

} // namespace sohoa::signing
