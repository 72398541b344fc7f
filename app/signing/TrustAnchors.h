// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/OpenSslHandles.h"
#include "signing/PdfSignatureReport.h"

#include <QCoreApplication>
#include <QList>
#include <vector>

namespace sohoa::signing {

// The certificates a verifier trusts as the ends of chains. Vietnamese root CAs are in no
// common trust store, so they are configured, and nothing else is trusted. Any anchor ends a
// chain, a root or an intermediate the agency chose to trust.
class TrustAnchors
{
    Q_DECLARE_TR_FUNCTIONS(TrustAnchors)

public:
    // DER certificates. Throws UserError (ErrorKind::InvalidInput) for one that is not.
    explicit TrustAnchors(const QList<QByteArray>& certificatesDer);
    // The certificates of a PEM file (one or more), as DER. Throws UserError (InvalidInput)
    // when it holds none.
    static QList<QByteArray> fromPem(const QByteArray& pem);

    // A new OpenSSL store that holds the anchors.
    openssl::CertificateStore store() const;

    struct ChainCheck
    {
        CertificateStatus status = CertificateStatus::Invalid;
        openssl::Certificates chain; // Trusted: `signer` first, the anchor last; else null
    };

    // Judges the chain from `signer` to an anchor at time `at`; `intermediates` (may be null)
    // are the candidates for the certificates in between, e.g. those a CMS carries.
    ChainCheck checkChain(X509* signer, STACK_OF(X509) * intermediates, const QDateTime& at) const;

private:
    std::vector<openssl::Certificate> anchors_;
};

} // namespace sohoa::signing
