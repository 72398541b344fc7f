// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/DemoIdentity.h"

#include "signing/CertificateFacts.h"
#include "signing/OpenSslHandles.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>
#include <stdexcept>

namespace sohoa::signing {

namespace {

using Key = openssl::Handle<EVP_PKEY, EVP_PKEY_free>;

void check(bool ok, const char* step)
{
    // Only a broken OpenSSL fails here: no input of the officer's is involved.
    if (!ok)
        throw std::runtime_error(std::string("demo identity: ") + step);
}

void addName(X509_NAME* name, const char* field, const QString& value)
{
    if (value.isEmpty())
        return;
    const QByteArray utf8 = value.toUtf8();
    check(X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char*>(utf8.constData()),
                                     static_cast<int>(utf8.size()), -1, 0) == 1,
          "subject");
}

void addExtension(X509* certificate, int nid, const char* value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    check(extension != nullptr && X509_add_ext(certificate, extension, -1) == 1, "extension");
    X509_EXTENSION_free(extension);
}

QByteArray selfSignedCertificate(EVP_PKEY* key, const QString& officerName,
                                 const QString& agencyName)
{
    openssl::Certificate certificate(X509_new());
    X509* cert = certificate.get();
    check(X509_set_version(cert, 2) == 1, "version");
    unsigned char serial[16];
    check(RAND_bytes(serial, sizeof serial) == 1, "serial");
    serial[0] &= 0x7f; // a positive INTEGER
    BIGNUM* number = BN_bin2bn(serial, sizeof serial, nullptr);
    check(number != nullptr && BN_to_ASN1_INTEGER(number, X509_get_serialNumber(cert)), "serial");
    BN_free(number);

    X509_NAME* name = X509_get_subject_name(cert);
    addName(name, "C", QStringLiteral("VN"));
    addName(name, "O", agencyName);
    addName(name, "OU", DemoIdentity::marker());
    addName(name, "CN", officerName);
    check(X509_set_issuer_name(cert, name) == 1, "issuer");
    check(X509_gmtime_adj(X509_getm_notBefore(cert), 0) != nullptr, "validity");
    check(X509_gmtime_adj(X509_getm_notAfter(cert), 10L * 365 * 24 * 3600) != nullptr, "validity");
    check(X509_set_pubkey(cert, key) == 1, "public key");
    addExtension(cert, NID_basic_constraints, "critical,CA:FALSE");
    addExtension(cert, NID_key_usage, "critical,digitalSignature,nonRepudiation");
    addExtension(cert, NID_subject_key_identifier, "hash");
    check(X509_sign(cert, key, EVP_sha256()) > 0, "sign");
    return openssl::derOf(cert, i2d_X509);
}

} // namespace

storage::SigningIdentityRecord DemoIdentity::create(const QString& officerName,
                                                    const QString& agencyName)
{
    Key key(EVP_EC_gen("P-256"));
    check(key != nullptr, "key");
    storage::SigningIdentityRecord identity;
    identity.kind = QString::fromLatin1(kKind);
    identity.certificateChain = {selfSignedCertificate(key.get(), officerName, agencyName)};
    const int size = i2d_PrivateKey(key.get(), nullptr);
    check(size > 0, "key encoding");
    identity.privateKey = storage::SecureBytes(static_cast<std::size_t>(size));
    unsigned char* out = identity.privateKey.data();
    check(i2d_PrivateKey(key.get(), &out) == size, "key encoding");
    identity.createdAt = QDateTime::currentDateTimeUtc();
    return identity;
}

QString DemoIdentity::marker()
{
    return QStringLiteral("Chữ ký thử nghiệm — không có giá trị pháp lý");
}

bool DemoIdentity::isDemoCertificate(const QByteArray& certificateDer)
{
    const auto facts = CertificateFacts::read(certificateDer);
    return facts && facts->subjectOrganizationalUnit == marker();
}

} // namespace sohoa::signing
