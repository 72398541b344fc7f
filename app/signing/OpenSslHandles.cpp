// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/OpenSslHandles.h"

namespace sohoa::signing::openssl {

Certificate certificateFromDer(const QByteArray& der)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(der.constData());
    Certificate certificate(d2i_X509(nullptr, &bytes, static_cast<long>(der.size())));
    if (bytes != reinterpret_cast<const unsigned char*>(der.constData()) + der.size())
        return nullptr;
    return certificate;
}

void freeCertificates(STACK_OF(X509) * certificates)
{
    sk_X509_pop_free(certificates, X509_free);
}

Bio readingBio(const QByteArray& bytes)
{
    return Bio(BIO_new_mem_buf(bytes.constData(), static_cast<int>(bytes.size())));
}

} // namespace sohoa::signing::openssl
