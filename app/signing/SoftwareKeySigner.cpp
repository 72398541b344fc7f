// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/SoftwareKeySigner.h"

#include "domain/UserError.h"
#include "signing/OpenSslHandles.h"

#include <openssl/decoder.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <stdexcept>

namespace sohoa::signing {

namespace {

constexpr qsizetype kSha256Size = 32;

using DecoderContext = openssl::Handle<OSSL_DECODER_CTX, OSSL_DECODER_CTX_free>;
using KeyContext = openssl::Handle<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;

// PEM or DER, PKCS#8 or traditional: OpenSSL's decoders try each form.
EVP_PKEY* decodePrivateKey(const storage::SecureBytes& bytes)
{
    EVP_PKEY* key = nullptr;
    DecoderContext decoder(OSSL_DECODER_CTX_new_for_pkey(&key, nullptr, nullptr, nullptr,
                                                         EVP_PKEY_KEYPAIR, nullptr, nullptr));
    if (!decoder)
        throw std::bad_alloc();
    // An empty passphrase: an encrypted key fails instead of OpenSSL prompting on a terminal.
    OSSL_DECODER_CTX_set_passphrase(decoder.get(), reinterpret_cast<const unsigned char*>(""), 0);
    const unsigned char* data = bytes.data();
    std::size_t size = bytes.size();
    if (OSSL_DECODER_from_data(decoder.get(), &data, &size) != 1) {
        EVP_PKEY_free(key);
        return nullptr;
    }
    return key;
}

[[noreturn]] void throwSigningFailed()
{
    throw UserError(ErrorKind::Processing,
                    SoftwareKeySigner::tr("The software key could not sign; create the test "
                                          "signing identity again."));
}

} // namespace

void SoftwareKeySigner::KeyRelease::operator()(evp_pkey_st* key) const
{
    EVP_PKEY_free(key);
}

SoftwareKeySigner::SoftwareKeySigner(const storage::SecureBytes& privateKey,
                                     QList<QByteArray> certificateChain)
    : key_(decodePrivateKey(privateKey)), certificateChain_(std::move(certificateChain))
{
    if (!key_)
        throw UserError(ErrorKind::InvalidInput,
                        tr("The software signing key cannot be read; create the test signing "
                           "identity again."));
    openssl::Certificate certificate;
    if (!certificateChain_.isEmpty())
        certificate = openssl::certificateFromDer(certificateChain_.front());
    if (!certificate || X509_check_private_key(certificate.get(), key_.get()) != 1)
        throw UserError(ErrorKind::InvalidInput,
                        tr("The software signing key does not belong to its certificate; create "
                           "the test signing identity again."));
    switch (EVP_PKEY_get_base_id(key_.get())) {
    case EVP_PKEY_RSA:
        algorithm_ = KeyAlgorithm::Rsa;
        break;
    case EVP_PKEY_EC:
        algorithm_ = KeyAlgorithm::Ecdsa;
        break;
    default:
        throw UserError(ErrorKind::InvalidInput,
                        tr("The software signing key is neither RSA nor EC; create the test "
                           "signing identity again."));
    }
}

SoftwareKeySigner::~SoftwareKeySigner() = default;

QByteArray SoftwareKeySigner::signSha256Digest(const QByteArray& digest)
{
    if (digest.size() != kSha256Size)
        throw std::invalid_argument("SoftwareKeySigner: the digest must be SHA-256");
    // PKCS#1 v1.5 with a SHA-256 DigestInfo for RSA; a DER ECDSA-Sig-Value for EC.
    KeyContext context(EVP_PKEY_CTX_new(key_.get(), nullptr));
    if (!context || EVP_PKEY_sign_init(context.get()) != 1 ||
        EVP_PKEY_CTX_set_signature_md(context.get(), EVP_sha256()) != 1 ||
        (algorithm_ == KeyAlgorithm::Rsa &&
         EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PADDING) != 1))
        throwSigningFailed();
    const auto* input = reinterpret_cast<const unsigned char*>(digest.constData());
    std::size_t size = 0;
    if (EVP_PKEY_sign(context.get(), nullptr, &size, input, kSha256Size) != 1)
        throwSigningFailed();
    QByteArray signature(static_cast<qsizetype>(size), Qt::Uninitialized);
    if (EVP_PKEY_sign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                      input, kSha256Size) != 1)
        throwSigningFailed();
    signature.truncate(static_cast<qsizetype>(size)); // an ECDSA signature may come out shorter
    return signature;
}

} // namespace sohoa::signing
