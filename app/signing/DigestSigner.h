// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace sohoa::signing {

enum class KeyAlgorithm
{
    Rsa,   // PKCS#1 v1.5 with SHA-256 (sha256WithRSAEncryption)
    Ecdsa, // ECDSA with SHA-256 (ecdsa-with-SHA256)
};

// The private key that signs: a key on the officer's PKCS#11 token, or the software demo key.
// The CMS and PDF layers only ever see this interface, so they never learn where the key is.
class DigestSigner
{
public:
    virtual ~DigestSigner() = default;

    // DER-encoded X.509 certificates: the signer's own first, then its issuers toward the root.
    virtual QList<QByteArray> certificateChain() const = 0;
    virtual KeyAlgorithm algorithm() const = 0;

    // Signs a 32-byte SHA-256 digest and returns the value for SignerInfo.signature: the RSA
    // signature block, or a DER Ecdsa-Sig-Value (SEQUENCE of r and s). Throws UserError.
    virtual QByteArray signSha256Digest(const QByteArray& digest) = 0;
};

} // namespace sohoa::signing
