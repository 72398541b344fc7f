// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/TokenCertificates.h"

#include <QCoreApplication>
#include <QDateTime>

namespace sohoa::signing {

// Picks the certificate a token signs with: the one the officer named by its CKA_ID, or else the
// only one that is valid now, meant for signing and backed by a private key.
class SigningCertificateChoice
{
    Q_DECLARE_TR_FUNCTIONS(SigningCertificateChoice)

public:
    // `id` empty: choose automatically. Throws UserError when the named certificate cannot sign
    // (missing, no private key, wrong key usage, expired or not yet valid), or when no
    // certificate or several qualify (the message lists their IDs in hexadecimal).
    static const TokenCertificate& choose(const std::vector<TokenCertificate>& onToken,
                                          const QByteArray& id, const QDateTime& now);
};

} // namespace sohoa::signing
