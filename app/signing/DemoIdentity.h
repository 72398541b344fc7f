// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/StoreRecords.h"

#include <QByteArray>
#include <QString>

namespace sohoa::signing {

// The embedded default's signer when no token is present: a software P-256 key and a
// self-signed certificate, made once per store and kept only in it. Its subject carries the
// test-signature marker, so every verifier — ours, pdfsig, Acrobat — shows that it is not a
// real signature, and SoHoa marks whatever it signs as test data.
class DemoIdentity
{
public:
    static constexpr auto kKind = "demo";

    // A new key and certificate (valid ten years) naming the officer and the agency.
    static storage::SigningIdentityRecord create(const QString& officerName,
                                                 const QString& agencyName);
    // "Chữ ký thử nghiệm — không có giá trị pháp lý" (test signature, no legal value).
    static QString marker();
    // Whether a certificate (DER) was made by create().
    static bool isDemoCertificate(const QByteArray& certificateDer);
};

} // namespace sohoa::signing
