// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/CertificateFacts.h"

#include "signing/CertificateFields.h"
#include "signing/OpenSslHandles.h"

#include <cstdint>
#include <ctime>
#include <memory>
#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace sohoa::signing {

std::optional<CertificateFacts> CertificateFacts::read(const QByteArray& der)
{
    const openssl::Certificate certificate = openssl::certificateFromDer(der);
    if (!certificate)
        return std::nullopt;
    CertificateFacts facts;
    const X509_NAME* subject = X509_get_subject_name(certificate.get());
    facts.subjectCommonName = nameEntry(subject, NID_commonName);
    facts.subjectOrganization = nameEntry(subject, NID_organizationName);
    facts.subjectOrganizationalUnit = nameEntry(subject, NID_organizationalUnitName);
    facts.issuerCommonName = nameEntry(X509_get_issuer_name(certificate.get()), NID_commonName);
    facts.serialNumber = serialNumberOf(certificate.get());
    facts.notBefore = dateTimeOf(X509_get0_notBefore(certificate.get()));
    facts.notAfter = dateTimeOf(X509_get0_notAfter(certificate.get()));
    // UINT32_MAX when the extension is absent: every usage is allowed.
    const uint32_t usage = X509_get_key_usage(certificate.get());
    facts.digitalSignature = (usage & KU_DIGITAL_SIGNATURE) != 0;
    facts.nonRepudiation = (usage & KU_NON_REPUDIATION) != 0;
    return facts;
}

bool CertificateFacts::issuedBy(const QByteArray& subjectDer, const QByteArray& issuerDer)
{
    const openssl::Certificate subject = openssl::certificateFromDer(subjectDer);
    const openssl::Certificate issuer = openssl::certificateFromDer(issuerDer);
    return subject && issuer && X509_check_issued(issuer.get(), subject.get()) == X509_V_OK;
}

} // namespace sohoa::signing
