// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/OcspCheck.h"

#include "signing/HttpFetch.h"
#include "signing/OpenSslHandles.h"
#include "signing/RevocationAnswers.h"

#include <QUrl>
#include <openssl/err.h>
#include <openssl/ocsp.h>
#include <openssl/x509v3.h>

namespace sohoa::signing {

namespace {

using OcspRequest = openssl::Handle<OCSP_REQUEST, OCSP_REQUEST_free>;
using OcspResponse = openssl::Handle<OCSP_RESPONSE, OCSP_RESPONSE_free>;
using OcspBasicResponse = openssl::Handle<OCSP_BASICRESP, OCSP_BASICRESP_free>;
using OcspCertificateId = openssl::Handle<OCSP_CERTID, OCSP_CERTID_free>;

// Responders sign answers ahead of time and clocks drift: five minutes either way.
constexpr long kClockSkewSeconds = 5 * 60;

QList<QUrl> responderUrls(X509* certificate)
{
    QList<QUrl> urls;
    STACK_OF(OPENSSL_STRING)* found = X509_get1_ocsp(certificate);
    for (int index = 0; index < sk_OPENSSL_STRING_num(found); ++index) {
        const QUrl url(QString::fromLatin1(sk_OPENSSL_STRING_value(found, index)));
        if (HttpFetch::canFetch(url))
            urls.append(url);
    }
    X509_email_free(found); // frees a STACK_OF(OPENSSL_STRING) whatever it holds
    return urls;
}

struct Question
{
    OcspCertificateId id; // what the answer must be about
    OcspRequest request;
};

// SHA-1 certificate IDs: what RFC 5019 responders (most CAs') are required to understand.
Question questionAbout(X509* certificate, X509* issuer)
{
    Question question{OcspCertificateId(OCSP_cert_to_id(EVP_sha1(), certificate, issuer)),
                      OcspRequest(OCSP_REQUEST_new())};
    OCSP_CERTID* copy = question.id ? OCSP_CERTID_dup(question.id.get()) : nullptr;
    if (!copy || !question.request || !OCSP_request_add0_id(question.request.get(), copy) ||
        !OCSP_request_add1_nonce(question.request.get(), nullptr, -1))
        question.request.reset();
    return question;
}

Revocation judge(const QByteArray& der, const Question& question, STACK_OF(X509) * chain,
                 const TrustAnchors& anchors, const QString& responder)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(der.constData());
    const OcspResponse response(d2i_OCSP_RESPONSE(nullptr, &bytes, static_cast<long>(der.size())));
    if (!response)
        return unknownAnswer(
            OcspCheck::tr("%1 did not answer with an OCSP response").arg(responder));
    const int responseStatus = OCSP_response_status(response.get());
    if (responseStatus != OCSP_RESPONSE_STATUS_SUCCESSFUL)
        return unknownAnswer(
            OcspCheck::tr("%1 refused the request (%2)")
                .arg(responder, QString::fromLatin1(OCSP_response_status_str(responseStatus))));
    const OcspBasicResponse basic(OCSP_response_get1_basic(response.get()));
    const openssl::CertificateStore trusted = anchors.store();
    if (!basic || OCSP_basic_verify(basic.get(), chain, trusted.get(), 0) != 1) {
        ERR_clear_error();
        return unknownAnswer(
            OcspCheck::tr("the answer of %1 is not signed by the issuer or a responder it "
                          "delegated to")
                .arg(responder));
    }
    // 0: a different nonce, a replayed answer. An answer without one (pre-signed) may stand.
    if (OCSP_check_nonce(question.request.get(), basic.get()) == 0)
        return unknownAnswer(
            OcspCheck::tr("the answer of %1 belongs to another request").arg(responder));
    int status = V_OCSP_CERTSTATUS_UNKNOWN;
    int reason = -1;
    ASN1_GENERALIZEDTIME* revokedAt = nullptr;
    ASN1_GENERALIZEDTIME* thisUpdate = nullptr;
    ASN1_GENERALIZEDTIME* nextUpdate = nullptr;
    if (OCSP_resp_find_status(basic.get(), question.id.get(), &status, &reason, &revokedAt,
                              &thisUpdate, &nextUpdate) != 1)
        return unknownAnswer(
            OcspCheck::tr("the answer of %1 is about another certificate").arg(responder));
    if (OCSP_check_validity(thisUpdate, nextUpdate, kClockSkewSeconds, -1) != 1) {
        ERR_clear_error();
        return unknownAnswer(OcspCheck::tr("the answer of %1 is out of date").arg(responder));
    }
    switch (status) {
    case V_OCSP_CERTSTATUS_GOOD:
        return goodAnswer(RevocationSource::Ocsp);
    case V_OCSP_CERTSTATUS_REVOKED:
        return revokedAnswer(RevocationSource::Ocsp, revokedAt, reason);
    default:
        break;
    }
    return unknownAnswer(OcspCheck::tr("%1 does not know the certificate").arg(responder));
}

} // namespace

Revocation OcspCheck::ask(X509* certificate, X509* issuer, STACK_OF(X509) * chain,
                          const TrustAnchors& anchors, std::chrono::milliseconds timeout)
{
    const Question question = questionAbout(certificate, issuer);
    if (!question.request) {
        ERR_clear_error();
        return unknownAnswer(tr("no OCSP request can be made for the certificate"));
    }
    const QByteArray request = openssl::derOf(question.request.get(), i2d_OCSP_REQUEST);
    return firstDecisiveAnswer(
        responderUrls(certificate),
        [&](const QUrl& url) {
            const HttpFetchResult fetched = HttpFetch::post(
                url, QByteArrayLiteral("application/ocsp-request"), request, timeout);
            return fetched.body
                       ? judge(*fetched.body, question, chain, anchors, url.toDisplayString())
                       : unknownAnswer(fetched.failure);
        },
        tr("the certificate names no OCSP responder"));
}

} // namespace sohoa::signing
