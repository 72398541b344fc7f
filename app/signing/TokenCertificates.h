// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/CertificateFacts.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <vector>

namespace sohoa::signing {

class TokenSession;

// An X.509 certificate stored on a token.
struct TokenCertificate
{
    QByteArray id; // CKA_ID, which the matching private key shares
    QString label; // CKA_LABEL
    QByteArray der;
    CertificateFacts facts;
    // A private key with the same CKA_ID is visible in the session. Tokens hide their private
    // keys until the officer logs in, so this is only meaningful after login.
    bool hasPrivateKey = false;

    bool canSign() const { return hasPrivateKey && facts.meantForSigning(); }
};

// Reads the certificates on a token and finds their issuers among them.
class TokenCertificates
{
public:
    // Every X.509 certificate on the token, in the token's order. A certificate OpenSSL cannot
    // read is left out: it could not sign anyway. Throws UserError when the token fails.
    static std::vector<TokenCertificate> read(const TokenSession& session);

    // The DER of `certificate`'s issuers found in `onToken`, nearest first, up to a self-signed
    // root or the first issuer missing from the token.
    static QList<QByteArray> issuersOf(const TokenCertificate& certificate,
                                       const std::vector<TokenCertificate>& onToken);
};

} // namespace sohoa::signing
