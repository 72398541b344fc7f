// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/RevocationChecker.h"

#include "signing/CertificateFields.h"
#include "signing/CrlCheck.h"
#include "signing/OcspCheck.h"
#include "signing/RevocationAnswers.h"

#include <optional>

namespace sohoa::signing {

namespace {

// The parts come from OpenSSL, Qt and our own texts: each ends with one full stop.
QString sentence(const QString& text)
{
    const QString trimmed = text.trimmed();
    return trimmed.endsWith(QLatin1Char('.')) ? trimmed : trimmed + QLatin1Char('.');
}

} // namespace

RevocationChecker::RevocationChecker(const TrustAnchors& anchors, std::chrono::milliseconds timeout)
    : anchors_(anchors), timeout_(timeout)
{
}

Revocation RevocationChecker::check(STACK_OF(X509) * chain) const
{
    std::optional<Revocation> unknown;
    std::optional<Revocation> firstGood; // the signer's, when it is good
    // The last certificate is the anchor.
    for (int index = 0; index + 1 < sk_X509_num(chain); ++index) {
        Revocation answer =
            checkOne(sk_X509_value(chain, index), sk_X509_value(chain, index + 1), chain);
        if (answer.status == RevocationStatus::Revoked)
            return answer;
        if (answer.status == RevocationStatus::Unknown) {
            if (!unknown)
                unknown = std::move(answer);
        } else if (!firstGood) {
            firstGood = std::move(answer);
        }
    }
    if (unknown)
        return *unknown;
    return firstGood.value_or(goodAnswer(RevocationSource::None));
}

Revocation RevocationChecker::checkOne(X509* certificate, X509* issuer,
                                       STACK_OF(X509) * chain) const
{
    const Revocation ocsp = OcspCheck::ask(certificate, issuer, chain, anchors_, timeout_);
    if (ocsp.status != RevocationStatus::Unknown)
        return ocsp;
    const Revocation crl = CrlCheck::lookUp(certificate, issuer, timeout_);
    if (crl.status != RevocationStatus::Unknown)
        return crl;
    QString name = nameEntry(X509_get_subject_name(certificate), NID_commonName);
    if (name.isEmpty())
        name = serialNumberOf(certificate);
    return unknownAnswer(
        tr("\"%1\": OCSP: %2 CRL: %3").arg(name, sentence(ocsp.detail), sentence(crl.detail)));
}

} // namespace sohoa::signing
