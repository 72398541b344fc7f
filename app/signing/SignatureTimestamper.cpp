// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/SignatureTimestamper.h"

#include "signing/CadesSignedData.h"

#include <QCryptographicHash>

namespace sohoa::signing {

TimestampedCms SignatureTimestamper::addTimestamp(const QByteArray& cms, const TimestampClient& tsa)
{
    // ETSI EN 319 122-1: the signature time-stamp covers the SignerInfo's signature value.
    const QByteArray imprint =
        QCryptographicHash::hash(CadesSignedData::signatureValue(cms), QCryptographicHash::Sha256);
    TimestampResult timestamp = tsa.requestToken(imprint);
    if (!timestamp.token)
        return {cms, std::move(timestamp)};
    QByteArray stamped = CadesSignedData::withSignatureTimestamp(cms, timestamp.token->der);
    return {std::move(stamped), std::move(timestamp)};
}

} // namespace sohoa::signing
