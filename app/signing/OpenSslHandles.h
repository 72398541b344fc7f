// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <memory>
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/crypto.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

namespace sohoa::signing::openssl {

// Owning handles for OpenSSL objects: `Handle<X509, X509_free>` frees with X509_free.
template <auto Free> struct Release
{
    template <typename T> void operator()(T* object) const { Free(object); }
};
template <typename T, auto Free> using Handle = std::unique_ptr<T, Release<Free>>;

using Certificate = Handle<X509, X509_free>;
using Bio = Handle<BIO, BIO_free_all>;
using Cms = Handle<CMS_ContentInfo, CMS_ContentInfo_free>;
using CertificateStore = Handle<X509_STORE, X509_STORE_free>;
using ChainContext = Handle<X509_STORE_CTX, X509_STORE_CTX_free>;

// A STACK_OF(X509) that owns its certificates (sk_X509_pop_free is a macro, not a function).
void freeCertificates(STACK_OF(X509) * certificates);
using Certificates = Handle<STACK_OF(X509), freeCertificates>;

// The DER encoding of `object` by an i2d_* function, e.g. `derOf(certificate, i2d_X509)`.
// Empty when OpenSSL cannot encode it.
template <typename T, typename Encode> QByteArray derOf(const T* object, Encode encode)
{
    unsigned char* bytes = nullptr;
    const int size = encode(object, &bytes);
    if (size <= 0)
        return {};
    QByteArray der(reinterpret_cast<const char*>(bytes), size);
    OPENSSL_free(bytes);
    return der;
}

// Null when `der` is not exactly one certificate.
Certificate certificateFromDer(const QByteArray& der);

// A memory BIO reading `bytes`, which must outlive it.
Bio readingBio(const QByteArray& bytes);

} // namespace sohoa::signing::openssl
