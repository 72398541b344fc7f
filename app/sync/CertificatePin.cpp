// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/CertificatePin.h"

#include <QCryptographicHash>
#include <memory>
#include <openssl/x509.h>

namespace sohoa::sync {

QString certificatePin(const QByteArray& certificateDer)
{
    const auto* data = reinterpret_cast<const unsigned char*>(certificateDer.constData());
    const std::unique_ptr<X509, decltype(&X509_free)> certificate(
        d2i_X509(nullptr, &data, certificateDer.size()), &X509_free);
    if (!certificate)
        return {};
    unsigned char* spki = nullptr;
    const int length = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(certificate.get()), &spki);
    if (length <= 0)
        return {};
    const QByteArray der(reinterpret_cast<const char*>(spki), length);
    OPENSSL_free(spki);
    return QStringLiteral("sha256/") +
           QString::fromLatin1(
               QCryptographicHash::hash(der, QCryptographicHash::Sha256).toBase64());
}

} // namespace sohoa::sync
