// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/TrustAnchors.h"

#include "domain/UserError.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

namespace sohoa::signing {

namespace {

CertificateStatus statusOfError(int error)
{
    switch (error) {
    case X509_V_OK:
        return CertificateStatus::Trusted;
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return CertificateStatus::Expired;
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return CertificateStatus::NotYetValid;
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
        return CertificateStatus::UntrustedRoot;
    default:
        return CertificateStatus::Invalid;
    }
}

// Key usage: digitalSignature or nonRepudiation; a certificate without the extension may do
// anything (OpenSSL reports all bits set then).
bool mayVerifySignatures(X509* certificate)
{
    return (X509_get_key_usage(certificate) & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)) != 0;
}

} // namespace

TrustAnchors::TrustAnchors(const QList<QByteArray>& certificatesDer)
{
    for (qsizetype index = 0; index < certificatesDer.size(); ++index) {
        openssl::Certificate anchor = openssl::certificateFromDer(certificatesDer[index]);
        if (!anchor)
            throw UserError(ErrorKind::InvalidInput,
                            tr("Trust anchor %1 is not a DER certificate; import the root "
                               "certificate file again.")
                                .arg(index + 1));
        anchors_.push_back(std::move(anchor));
    }
}

openssl::CertificateStore TrustAnchors::store() const
{
    openssl::CertificateStore store(X509_STORE_new());
    for (const openssl::Certificate& anchor : anchors_)
        X509_STORE_add_cert(store.get(), anchor.get());
    // Chains may end at any configured anchor, not only at a self-signed root.
    X509_STORE_set_flags(store.get(), X509_V_FLAG_PARTIAL_CHAIN);
    return store;
}

TrustAnchors::ChainCheck TrustAnchors::checkChain(X509* signer, STACK_OF(X509) * intermediates,
                                                  const QDateTime& at) const
{
    const openssl::CertificateStore trusted = store();
    const openssl::ChainContext context(X509_STORE_CTX_new());
    if (!context || !X509_STORE_CTX_init(context.get(), trusted.get(), signer, intermediates))
        return {CertificateStatus::Invalid, nullptr};
    X509_STORE_CTX_set_time(context.get(), 0, static_cast<time_t>(at.toSecsSinceEpoch()));
    const bool verified = X509_verify_cert(context.get()) == 1;
    const int error = verified ? X509_V_OK : X509_STORE_CTX_get_error(context.get());
    ERR_clear_error();
    CertificateStatus status = statusOfError(error);
    if (status == CertificateStatus::Trusted && !mayVerifySignatures(signer))
        status = CertificateStatus::NotForSigning;
    if (status != CertificateStatus::Trusted)
        return {status, nullptr};
    return {status, openssl::Certificates(X509_STORE_CTX_get1_chain(context.get()))};
}

QList<QByteArray> TrustAnchors::fromPem(const QByteArray& pem)
{
    const openssl::Bio bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    QList<QByteArray> certificates;
    while (X509* read = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
        const openssl::Certificate certificate(read);
        certificates.append(openssl::derOf(certificate.get(), i2d_X509));
    }
    ERR_clear_error(); // the end of the file reads as an error
    if (certificates.isEmpty())
        throw UserError(ErrorKind::InvalidInput,
                        tr("The trust anchor file holds no PEM certificate."));
    return certificates;
}

} // namespace sohoa::signing
