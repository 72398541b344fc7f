// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/TokenCertificates.h"

#include "signing/TokenObjects.h"

#include <QSet>
#include <algorithm>

namespace sohoa::signing {

namespace {

QSet<QByteArray> privateKeyIds(const TokenObjects& objects)
{
    CK_OBJECT_CLASS privateKey = CKO_PRIVATE_KEY;
    QSet<QByteArray> ids;
    for (CK_OBJECT_HANDLE key : objects.find({{CKA_CLASS, &privateKey, sizeof privateKey}}))
        ids.insert(objects.bytes(key, CKA_ID));
    return ids;
}

} // namespace

std::vector<TokenCertificate> TokenCertificates::read(const TokenSession& session)
{
    const TokenObjects objects(session);
    const QSet<QByteArray> keyIds = privateKeyIds(objects);
    CK_OBJECT_CLASS certificateClass = CKO_CERTIFICATE;
    CK_CERTIFICATE_TYPE x509 = CKC_X_509;
    std::vector<TokenCertificate> certificates;
    for (CK_OBJECT_HANDLE object :
         objects.find({{CKA_CLASS, &certificateClass, sizeof certificateClass},
                       {CKA_CERTIFICATE_TYPE, &x509, sizeof x509}})) {
        TokenCertificate certificate;
        certificate.der = objects.bytes(object, CKA_VALUE);
        const std::optional<CertificateFacts> facts = CertificateFacts::read(certificate.der);
        if (!facts)
            continue;
        certificate.facts = *facts;
        certificate.id = objects.bytes(object, CKA_ID);
        certificate.label = QString::fromUtf8(objects.bytes(object, CKA_LABEL));
        certificate.hasPrivateKey = !certificate.id.isEmpty() && keyIds.contains(certificate.id);
        certificates.push_back(std::move(certificate));
    }
    return certificates;
}

QList<QByteArray> TokenCertificates::issuersOf(const TokenCertificate& certificate,
                                               const std::vector<TokenCertificate>& onToken)
{
    QList<QByteArray> issuers;
    QByteArray current = certificate.der;
    while (!CertificateFacts::issuedBy(current, current)) { // a self-signed root ends the chain
        // Only certificates not yet in the chain qualify, so cross-signed CAs cannot loop.
        const auto issuer =
            std::find_if(onToken.begin(), onToken.end(), [&](const TokenCertificate& candidate) {
                return candidate.der != certificate.der && !issuers.contains(candidate.der) &&
                       CertificateFacts::issuedBy(current, candidate.der);
            });
        if (issuer == onToken.end())
            break;
        issuers.append(issuer->der);
        current = issuer->der;
    }
    return issuers;
}

} // namespace sohoa::signing
