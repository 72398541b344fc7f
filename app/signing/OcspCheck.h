// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/PdfSignatureReport.h"
#include "signing/TrustAnchors.h"

#include <QCoreApplication>
#include <chrono>

namespace sohoa::signing {

// Asks the OCSP responders a certificate names (authorityInfoAccess) about it, RFC 6960 over
// HTTP POST with a nonce. An answer counts only when it is signed by the certificate's issuer
// or by a responder that issuer delegated to (extendedKeyUsage OCSPSigning), either chaining
// to a trust anchor, echoes the nonce when it carries one, and is current.
class OcspCheck
{
    Q_DECLARE_TR_FUNCTIONS(OcspCheck)

public:
    // `chain`: the verified chain `certificate` belongs to, the candidates for the responder's
    // issuers (never trusted for that alone). Unknown, with the reason, when no responder gives
    // such an answer, each within `timeout`.
    static Revocation ask(X509* certificate, X509* issuer, STACK_OF(X509) * chain,
                          const TrustAnchors& anchors, std::chrono::milliseconds timeout);
};

} // namespace sohoa::signing
