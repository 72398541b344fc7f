// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/CertificateFields.h"

#include "signing/OpenSslHandles.h"

#include <QTimeZone>
#include <openssl/bn.h>

namespace sohoa::signing {

QString nameEntry(const X509_NAME* name, int nid)
{
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0)
        return {};
    unsigned char* utf8 = nullptr;
    const int length =
        ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
    if (length < 0)
        return {};
    QString value = QString::fromUtf8(reinterpret_cast<const char*>(utf8), length);
    OPENSSL_free(utf8);
    return value;
}

namespace {

QString distinguishedName(const X509_NAME* name)
{
    const openssl::Bio out(BIO_new(BIO_s_mem()));
    // RFC 2253, with UTF-8 left as it is instead of escaped.
    X509_NAME_print_ex(out.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char* text = nullptr;
    const long length = BIO_get_mem_data(out.get(), &text);
    return QString::fromUtf8(text, static_cast<qsizetype>(length));
}

} // namespace

QString serialNumberOf(const X509* certificate)
{
    BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr);
    char* hex = serial ? BN_bn2hex(serial) : nullptr;
    const QString text = hex ? QString::fromLatin1(hex) : QString();
    OPENSSL_free(hex);
    BN_free(serial);
    return text;
}

QDateTime dateTimeOf(const ASN1_TIME* time)
{
    struct tm parts = {};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), QTimeZone::utc());
}

SignerCertificate describeCertificate(X509* certificate)
{
    SignerCertificate described;
    if (!certificate)
        return described;
    const X509_NAME* subject = X509_get_subject_name(certificate);
    described.commonName = nameEntry(subject, NID_commonName);
    described.organization = nameEntry(subject, NID_organizationName);
    described.issuer = distinguishedName(X509_get_issuer_name(certificate));
    described.serialNumber = serialNumberOf(certificate);
    described.notBefore = dateTimeOf(X509_get0_notBefore(certificate));
    described.notAfter = dateTimeOf(X509_get0_notAfter(certificate));
    return described;
}

} // namespace sohoa::signing
