// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>

namespace sohoa::signing {

// The encodings around a token's raw signing mechanisms: what CKM_RSA_PKCS must be given and
// what CKM_ECDSA's output must become for a CMS SignerInfo.
class SignatureEncoding
{
    Q_DECLARE_TR_FUNCTIONS(SignatureEncoding)

public:
    // The DER DigestInfo for a 32-byte SHA-256 digest (RFC 8017 §9.2, note 1).
    static QByteArray sha256DigestInfo(const QByteArray& digest);
    // The DER Ecdsa-Sig-Value (SEQUENCE of INTEGER r, INTEGER s; RFC 5480) of the fixed-size
    // r || s a PKCS#11 token returns. Throws UserError (Processing) when `rawRs` is malformed.
    static QByteArray ecdsaDer(const QByteArray& rawRs);
};

} // namespace sohoa::signing
