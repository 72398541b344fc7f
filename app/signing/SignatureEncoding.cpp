// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/SignatureEncoding.h"

#include "domain/UserError.h"

#include <memory>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ecdsa.h>
#include <stdexcept>

namespace sohoa::signing {

namespace {

constexpr qsizetype kSha256Size = 32;

// DER of SEQUENCE { SEQUENCE { OID 2.16.840.1.101.3.4.2.1 (sha256), NULL }, OCTET STRING (32) }
// up to the digest itself.
constexpr char kSha256DigestInfoPrefix[] = "\x30\x31\x30\x0d\x06\x09\x60\x86\x48\x01\x65\x03"
                                           "\x04\x02\x01\x05\x00\x04\x20";

struct EcdsaSigFree
{
    void operator()(ECDSA_SIG* signature) const { ECDSA_SIG_free(signature); }
};

BIGNUM* toBignum(const QByteArray& bigEndian)
{
    return BN_bin2bn(reinterpret_cast<const unsigned char*>(bigEndian.constData()),
                     static_cast<int>(bigEndian.size()), nullptr);
}

} // namespace

QByteArray SignatureEncoding::sha256DigestInfo(const QByteArray& digest)
{
    if (digest.size() != kSha256Size)
        throw std::invalid_argument("a SHA-256 digest has 32 bytes");
    return QByteArray(kSha256DigestInfoPrefix, sizeof kSha256DigestInfoPrefix - 1) + digest;
}

QByteArray SignatureEncoding::ecdsaDer(const QByteArray& rawRs)
{
    const auto malformed = [] {
        return UserError(ErrorKind::Processing,
                         tr("The token returned a malformed ECDSA signature; sign again, and "
                            "replace the token if this repeats."));
    };
    if (rawRs.isEmpty() || rawRs.size() % 2 != 0)
        throw malformed();
    const qsizetype half = rawRs.size() / 2;
    std::unique_ptr<ECDSA_SIG, EcdsaSigFree> signature(ECDSA_SIG_new());
    BIGNUM* r = toBignum(rawRs.first(half));
    BIGNUM* s = toBignum(rawRs.sliced(half));
    // On success ECDSA_SIG_set0 owns r and s.
    if (!signature || !r || !s || ECDSA_SIG_set0(signature.get(), r, s) != 1) {
        BN_free(r);
        BN_free(s);
        throw malformed();
    }
    unsigned char* der = nullptr;
    const int size = i2d_ECDSA_SIG(signature.get(), &der);
    if (size <= 0)
        throw malformed();
    const QByteArray encoded(reinterpret_cast<const char*>(der), size);
    OPENSSL_free(der);
    return encoded;
}

} // namespace sohoa::signing
