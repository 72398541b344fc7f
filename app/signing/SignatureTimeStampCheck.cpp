// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/SignatureTimeStampCheck.h"

#include "signing/CertificateFields.h"

#include <openssl/err.h>
#include <openssl/ts.h>

namespace sohoa::signing {

namespace {

using Token = openssl::Handle<PKCS7, PKCS7_free>;
using TokenInfo = openssl::Handle<TS_TST_INFO, TS_TST_INFO_free>;
using VerifyContext = openssl::Handle<TS_VERIFY_CTX, TS_VERIFY_CTX_free>;

bool verifies(PKCS7* token, const QByteArray& signatureValue, const TrustAnchors& anchors)
{
    const VerifyContext context(TS_VERIFY_CTX_new());
    if (!context)
        return false;
    // The context owns the data BIO and the store from here on.
    TS_VERIFY_CTX_set_flags(context.get(), TS_VFY_VERSION | TS_VFY_SIGNATURE | TS_VFY_DATA);
    TS_VERIFY_CTX_set_data(context.get(), openssl::readingBio(signatureValue).release());
    TS_VERIFY_CTX_set_store(context.get(), anchors.store().release());
    return TS_RESP_verify_token(context.get(), token) == 1;
}

} // namespace

SignatureTimeStamp SignatureTimeStampCheck::check(const QByteArray& token,
                                                  const QByteArray& signatureValue,
                                                  const TrustAnchors& anchors)
{
    SignatureTimeStamp timeStamp;
    timeStamp.present = !token.isEmpty();
    if (!timeStamp.present)
        return timeStamp;
    const auto* bytes = reinterpret_cast<const unsigned char*>(token.constData());
    const Token parsed(d2i_PKCS7(nullptr, &bytes, static_cast<long>(token.size())));
    const TokenInfo info(parsed ? PKCS7_to_TS_TST_INFO(parsed.get()) : nullptr);
    if (info) {
        timeStamp.time = dateTimeOf(TS_TST_INFO_get_time(info.get()));
        timeStamp.valid =
            timeStamp.time.isValid() && verifies(parsed.get(), signatureValue, anchors);
    }
    ERR_clear_error();
    return timeStamp;
}

} // namespace sohoa::signing
