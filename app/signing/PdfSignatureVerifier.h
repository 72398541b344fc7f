// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/PdfSignatureReport.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <chrono>
#include <memory>

namespace sohoa::signing {

class RevocationChecker;
class TrustAnchors;

struct VerificationOptions
{
    // Ask the OCSP responders and CRLs of the signer's chain over the network. Off by default:
    // a counter PC is often offline, and a check then costs a timeout per certificate.
    bool checkRevocation = false;
    std::chrono::milliseconds timeout = std::chrono::seconds(10); // per OCSP or CRL request
};

// Verifies every signature of a PDF in process, on OpenSSL and qpdf: the /ByteRange and the
// digest over it, the CMS signature, the certificate chain against the configured trust anchors
// at the signing time (a valid signature time-stamp's, else /M, else now), what later revisions
// changed, and the PAdES baseline level; when asked, whether the chain was revoked (OCSP, else
// CRL), which only a trusted chain is asked about.
class PdfSignatureVerifier
{
public:
    // `trustAnchorsDer`: DER certificates trusted as chain ends (the Vietnamese root CAs the
    // agency imported). Throws UserError (ErrorKind::InvalidInput) for one that is not.
    explicit PdfSignatureVerifier(const QList<QByteArray>& trustAnchorsDer,
                                  VerificationOptions options = {});
    ~PdfSignatureVerifier();
    PdfSignatureVerifier(const PdfSignatureVerifier&) = delete;
    PdfSignatureVerifier& operator=(const PdfSignatureVerifier&) = delete;

    // `name` names the file in messages. A PDF without signatures gives an empty list. Throws
    // UserError (ErrorKind::InvalidInput) when `pdf` is encrypted or cannot be read as a PDF.
    DocumentSignatureReport verify(const QByteArray& pdf, const QString& name) const;

private:
    std::unique_ptr<TrustAnchors> anchors_;
    std::unique_ptr<RevocationChecker> revocation_; // null: not asked
};

} // namespace sohoa::signing
