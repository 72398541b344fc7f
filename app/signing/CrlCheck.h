// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/PdfSignatureReport.h"

#include <QCoreApplication>
#include <chrono>
#include <openssl/x509.h>

namespace sohoa::signing {

// Looks a certificate up in the CRL its distribution point names (HTTP or HTTPS, full names
// only). A CRL counts only when its issuer's key signed it and it is current (nextUpdate not
// passed); delta and indirect CRLs are not read.
class CrlCheck
{
    Q_DECLARE_TR_FUNCTIONS(CrlCheck)

public:
    // Unknown, with the reason, when no distribution point gives such a CRL, each download
    // within `timeout`.
    static Revocation lookUp(X509* certificate, X509* issuer, std::chrono::milliseconds timeout);
};

} // namespace sohoa::signing
