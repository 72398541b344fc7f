// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/RevocationAnswers.h"

#include "signing/CertificateFields.h"

#include <QStringList>
#include <openssl/ocsp.h>

namespace sohoa::signing {

Revocation goodAnswer(RevocationSource source)
{
    return {RevocationStatus::Good, source, {}, {}, {}};
}

Revocation revokedAnswer(RevocationSource source, const ASN1_TIME* revokedAt, long reason)
{
    // OCSP and CRLs share the CRLReason codes; OpenSSL names them as RFC 5280 does.
    const QString reasonName =
        reason < 0 ? QString() : QString::fromLatin1(OCSP_crl_reason_str(reason));
    return {RevocationStatus::Revoked, source, dateTimeOf(revokedAt), reasonName, {}};
}

Revocation unknownAnswer(const QString& detail)
{
    return {RevocationStatus::Unknown, RevocationSource::None, {}, {}, detail};
}

Revocation firstDecisiveAnswer(const QList<QUrl>& urls,
                               const std::function<Revocation(const QUrl&)>& ask,
                               const QString& noUrl)
{
    if (urls.isEmpty())
        return unknownAnswer(noUrl);
    QStringList failures;
    for (const QUrl& url : urls) {
        Revocation answer = ask(url);
        if (answer.status != RevocationStatus::Unknown)
            return answer;
        failures.append(answer.detail);
    }
    return unknownAnswer(failures.join(QStringLiteral("; ")));
}

} // namespace sohoa::signing
