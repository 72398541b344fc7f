// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/CrlCheck.h"

#include "signing/HttpFetch.h"
#include "signing/OpenSslHandles.h"
#include "signing/RevocationAnswers.h"

#include <QUrl>
#include <ctime>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

namespace sohoa::signing {

namespace {

using Crl = openssl::Handle<X509_CRL, X509_CRL_free>;

// CAs publish the next CRL a little late and clocks drift: five minutes either way.
constexpr time_t kClockSkewSeconds = 5 * 60;

void freeDistributionPoints(STACK_OF(DIST_POINT) * points)
{
    sk_DIST_POINT_pop_free(points, DIST_POINT_free);
}

QList<QUrl> distributionPointUrls(X509* certificate)
{
    const openssl::Handle<STACK_OF(DIST_POINT), freeDistributionPoints> points(
        static_cast<STACK_OF(DIST_POINT)*>(
            X509_get_ext_d2i(certificate, NID_crl_distribution_points, nullptr, nullptr)));
    QList<QUrl> urls;
    for (int point = 0; point < sk_DIST_POINT_num(points.get()); ++point) {
        const DIST_POINT_NAME* name = sk_DIST_POINT_value(points.get(), point)->distpoint;
        if (!name || name->type != 0) // 1: a name relative to the issuer, no URL
            continue;
        for (int index = 0; index < sk_GENERAL_NAME_num(name->name.fullname); ++index) {
            const GENERAL_NAME* general = sk_GENERAL_NAME_value(name->name.fullname, index);
            if (general->type != GEN_URI)
                continue;
            const ASN1_IA5STRING* uri = general->d.uniformResourceIdentifier;
            const QUrl url(
                QString::fromLatin1(reinterpret_cast<const char*>(ASN1_STRING_get0_data(uri)),
                                    ASN1_STRING_length(uri)));
            if (HttpFetch::canFetch(url))
                urls.append(url);
        }
    }
    return urls;
}

Crl crlFrom(const QByteArray& bytes)
{
    const auto* der = reinterpret_cast<const unsigned char*>(bytes.constData());
    if (Crl crl{d2i_X509_CRL(nullptr, &der, static_cast<long>(bytes.size()))})
        return crl;
    // RFC 5280 says DER; a few CAs serve PEM all the same.
    const openssl::Bio pem = openssl::readingBio(bytes);
    return Crl(PEM_read_bio_X509_CRL(pem.get(), nullptr, nullptr, nullptr));
}

bool signedByIssuer(X509_CRL* crl, X509* issuer)
{
    return X509_NAME_cmp(X509_CRL_get_issuer(crl), X509_get_subject_name(issuer)) == 0 &&
           (X509_get_key_usage(issuer) & KU_CRL_SIGN) != 0 &&
           X509_CRL_verify(crl, X509_get0_pubkey(issuer)) == 1;
}

bool current(X509_CRL* crl)
{
    time_t aheadOfNow = std::time(nullptr) + kClockSkewSeconds;
    time_t behindNow = std::time(nullptr) - kClockSkewSeconds;
    const ASN1_TIME* nextUpdate = X509_CRL_get0_nextUpdate(crl);
    return X509_cmp_time(X509_CRL_get0_lastUpdate(crl), &aheadOfNow) <= 0 && nextUpdate &&
           X509_cmp_time(nextUpdate, &behindNow) >= 0;
}

Revocation judge(const QByteArray& bytes, X509* certificate, X509* issuer, const QString& where)
{
    const Crl crl = crlFrom(bytes);
    if (!crl)
        return unknownAnswer(CrlCheck::tr("%1 is not a CRL").arg(where));
    if (!signedByIssuer(crl.get(), issuer))
        return unknownAnswer(
            CrlCheck::tr("the CRL at %1 is not signed by the certificate's issuer").arg(where));
    if (!current(crl.get()))
        return unknownAnswer(CrlCheck::tr("the CRL at %1 is out of date").arg(where));
    X509_REVOKED* entry = nullptr;
    // 2: listed as removeFromCRL, i.e. a hold that was lifted.
    if (X509_CRL_get0_by_cert(crl.get(), &entry, certificate) != 1)
        return goodAnswer(RevocationSource::Crl);
    const openssl::Handle<ASN1_ENUMERATED, ASN1_ENUMERATED_free> reason(
        static_cast<ASN1_ENUMERATED*>(
            X509_REVOKED_get_ext_d2i(entry, NID_crl_reason, nullptr, nullptr)));
    return revokedAnswer(RevocationSource::Crl, X509_REVOKED_get0_revocationDate(entry),
                         reason ? ASN1_ENUMERATED_get(reason.get()) : -1);
}

} // namespace

Revocation CrlCheck::lookUp(X509* certificate, X509* issuer, std::chrono::milliseconds timeout)
{
    return firstDecisiveAnswer(
        distributionPointUrls(certificate),
        [&](const QUrl& url) {
            const HttpFetchResult fetched = HttpFetch::get(url, timeout);
            Revocation answer =
                fetched.body ? judge(*fetched.body, certificate, issuer, url.toDisplayString())
                             : unknownAnswer(fetched.failure);
            ERR_clear_error();
            return answer;
        },
        tr("the certificate names no CRL distribution point"));
}

} // namespace sohoa::signing
