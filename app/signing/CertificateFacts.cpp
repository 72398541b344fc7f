// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/CertificateFacts.h"

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

namespace {

QString nameEntry(const X509_NAME* name, int nid)
{
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0)
        return {};
    unsigned char* utf8 = nullptr;
    const int size =
        ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
    if (size < 0)
        return {};
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(utf8), size);
    OPENSSL_free(utf8);
    return text;
}

QString serialNumberHex(const X509* certificate)
{
    BIGNUM* number = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr);
    char* hex = number ? BN_bn2hex(number) : nullptr;
    const QString text = hex ? QString::fromLatin1(hex) : QString();
    OPENSSL_free(hex);
    BN_free(number);
    return text;
}

QDateTime toDateTime(const ASN1_TIME* time)
{
    std::tm fields{};
    if (ASN1_TIME_to_tm(time, &fields) != 1)
        return {};
    return QDateTime(QDate(fields.tm_year + 1900, fields.tm_mon + 1, fields.tm_mday),
                     QTime(fields.tm_hour, fields.tm_min, fields.tm_sec), Qt::UTC);
}

} // namespace

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
    facts.serialNumber = serialNumberHex(certificate.get());
    facts.notBefore = toDateTime(X509_get0_notBefore(certificate.get()));
    facts.notAfter = toDateTime(X509_get0_notAfter(certificate.get()));
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
