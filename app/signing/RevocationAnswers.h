// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/PdfSignatureReport.h"

#include <QList>
#include <QUrl>
#include <functional>
#include <openssl/asn1.h>

namespace sohoa::signing {

// The three answers an OCSP responder or a CRL gives about one certificate.
Revocation goodAnswer(RevocationSource source);
// `reason`: an RFC 5280 CRLReason code, negative when the CA gave none.
Revocation revokedAnswer(RevocationSource source, const ASN1_TIME* revokedAt, long reason);
Revocation unknownAnswer(const QString& detail);

// The first Good or Revoked answer of `ask` over `urls` in order; else Unknown with each
// failure, or with `noUrl` when there is no URL to ask.
Revocation firstDecisiveAnswer(const QList<QUrl>& urls,
                               const std::function<Revocation(const QUrl&)>& ask,
                               const QString& noUrl);

} // namespace sohoa::signing
