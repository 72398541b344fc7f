// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/DigestSigner.h"
#include "signing/TokenCertificates.h"
#include "storage/SecureBytes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <memory>

namespace sohoa::signing {

class Pkcs11Module;
class TokenSession;

// Signs with a private key on the officer's PKCS#11 token, logged in once for a whole batch.
// RSA keys sign the SHA-256 DigestInfo with CKM_RSA_PKCS; EC keys sign the digest with
// CKM_ECDSA. A key that demands its PIN for every signature (CKA_ALWAYS_AUTHENTICATE) gets it
// from locked memory, which is why the PIN is kept, for such keys only, as long as the signer.
class TokenKeySigner : public DigestSigner
{
    Q_DECLARE_TR_FUNCTIONS(TokenKeySigner)

public:
    // Logs into the token in `slotId` with `pin` and picks the signing certificate: the one
    // with CKA_ID `certificateId`, or the only usable one when that is empty (see
    // SigningCertificateChoice), judged at `now`. The chain is that certificate, its issuers
    // found on the token, then `extraChain` (DER). Throws UserError.
    TokenKeySigner(std::shared_ptr<const Pkcs11Module> module, unsigned long slotId,
                   storage::SecureBytes pin, const QByteArray& certificateId = {},
                   const QList<QByteArray>& extraChain = {},
                   const QDateTime& now = QDateTime::currentDateTimeUtc());
    // Logs out and closes the session, also when the token is gone.
    ~TokenKeySigner() override;
    TokenKeySigner(const TokenKeySigner&) = delete;
    TokenKeySigner& operator=(const TokenKeySigner&) = delete;

    QList<QByteArray> certificateChain() const override { return chain_; }
    KeyAlgorithm algorithm() const override { return algorithm_; }
    // A token pulled out mid-batch throws UserError (Device) asking to plug it back in.
    QByteArray signSha256Digest(const QByteArray& digest) override;

    // The signer's certificate, for the visible stamp and the signature dictionary.
    const TokenCertificate& certificate() const { return certificate_; }

private:
    void findPrivateKey();

    std::unique_ptr<TokenSession> session_;
    storage::SecureBytes pin_; // empty unless the key requires a login per signature
    TokenCertificate certificate_;
    QList<QByteArray> chain_;
    KeyAlgorithm algorithm_ = KeyAlgorithm::Rsa;
    unsigned long privateKey_ = 0;
    bool alwaysAuthenticate_ = false;
};

} // namespace sohoa::signing
