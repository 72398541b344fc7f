// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <memory>
#include <openssl/crypto.h>
#include <openssl/x509.h>

namespace sohoa::signing::openssl {

// Owning handles for OpenSSL objects: `Handle<X509, X509_free>` frees with X509_free.
template <auto Free> struct Release
{
    template <typename T> void operator()(T* object) const { Free(object); }
};
template <typename T, auto Free> using Handle = std::unique_ptr<T, Release<Free>>;

using Certificate = Handle<X509, X509_free>;

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

} // namespace sohoa::signing::openssl
