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

} // namespace sohoa::signing::openssl
