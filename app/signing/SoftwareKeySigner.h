// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/DigestSigner.h"
#include "storage/SecureBytes.h"

#include <QCoreApplication>
#include <memory>

struct evp_pkey_st; // OpenSSL's EVP_PKEY

namespace sohoa::signing {

// Signs with a private key held in software: the demo identity's key kept in the encrypted
// store, and the keys of tests. The key bytes are read from locked memory; the parsed key lives
// in OpenSSL's heap, which wipes it when the signer is destroyed.
class SoftwareKeySigner final : public DigestSigner
{
    Q_DECLARE_TR_FUNCTIONS(SoftwareKeySigner)

public:
    // `privateKey`: an unencrypted RSA or EC private key, PEM or DER (PKCS#8 or the traditional
    // form). `certificateChain`: DER certificates, the key's own first, then its issuers.
    // Throws UserError when the key cannot be read or does not belong to the first certificate.
    SoftwareKeySigner(const storage::SecureBytes& privateKey, QList<QByteArray> certificateChain);
    ~SoftwareKeySigner() override;
    SoftwareKeySigner(const SoftwareKeySigner&) = delete;
    SoftwareKeySigner& operator=(const SoftwareKeySigner&) = delete;

    QList<QByteArray> certificateChain() const override { return certificateChain_; }
    KeyAlgorithm algorithm() const override { return algorithm_; }
    QByteArray signSha256Digest(const QByteArray& digest) override;

private:
    struct KeyRelease
    {
        void operator()(evp_pkey_st* key) const;
    };

    std::unique_ptr<evp_pkey_st, KeyRelease> key_;
    QList<QByteArray> certificateChain_;
    KeyAlgorithm algorithm_ = KeyAlgorithm::Rsa;
};

} // namespace sohoa::signing
