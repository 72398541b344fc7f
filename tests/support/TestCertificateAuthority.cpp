// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/TestCertificateAuthority.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdexcept>

namespace sohoa::testing {
namespace {

struct Deleters
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
    void operator()(X509* certificate) const { X509_free(certificate); }
    void operator()(BIO* bio) const { BIO_free(bio); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleters>;
using Certificate = std::unique_ptr<X509, Deleters>;
using Bio = std::unique_ptr<BIO, Deleters>;

void check(bool ok, const char* what)
{
    if (!ok)
        throw std::runtime_error(std::string("test CA: ") + what);
}

Key generateKey(TestKeyType type)
{
    Key key(type == TestKeyType::EcP256 ? EVP_EC_gen("P-256") : EVP_RSA_gen(2048));
    check(key != nullptr, "key generation");
    return key;
}

QByteArray privateKeyToPem(EVP_PKEY* key)
{
    Bio bio(BIO_new(BIO_s_mem()));
    check(PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1,
          "PEM key");
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

Key keyFromPem(const QByteArray& pem)
{
    Bio bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    Key key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    check(key != nullptr, "read key");
    return key;
}

Key publicKeyFromDer(const QByteArray& der)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(der.constData());
    Key key(d2i_PUBKEY(nullptr, &bytes, static_cast<long>(der.size())));
    check(key != nullptr, "read public key");
    return key;
}

Certificate certificateFromDer(const QByteArray& der)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(der.constData());
    Certificate certificate(d2i_X509(nullptr, &bytes, static_cast<long>(der.size())));
    check(certificate != nullptr, "read certificate");
    return certificate;
}

QByteArray toDer(X509* certificate)
{
    unsigned char* bytes = nullptr;
    const int size = i2d_X509(certificate, &bytes);
    check(size > 0, "encode certificate");
    QByteArray der(reinterpret_cast<const char*>(bytes), size);
    OPENSSL_free(bytes);
    return der;
}

void addNameEntry(X509_NAME* name, const char* field, const QString& value)
{
    if (value.isEmpty())
        return;
    const QByteArray utf8 = value.toUtf8();
    check(X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char*>(utf8.constData()),
                                     static_cast<int>(utf8.size()), -1, 0) == 1,
          "subject name");
}

void addExtension(X509* certificate, X509* issuer, int nid, const char* value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    check(extension != nullptr, "extension");
    X509_add_ext(certificate, extension, -1);
    X509_EXTENSION_free(extension);
}

void setTime(ASN1_TIME* field, const QDateTime& when)
{
    check(ASN1_TIME_set(field, static_cast<time_t>(when.toSecsSinceEpoch())) != nullptr,
          "validity");
}

// Builds and signs one certificate. `issuer` null: self-signed with `subjectKey`.
Certificate makeCertificate(const CertificateRequest& request, EVP_PKEY* subjectKey, X509* issuer,
                            EVP_PKEY* issuerKey)
{
    Certificate certificate(X509_new());
    X509* cert = certificate.get();
    X509_set_version(cert, 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f; // a positive INTEGER
    BIGNUM* number = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(number, X509_get_serialNumber(cert));
    BN_free(number);

    X509_NAME* subject = X509_get_subject_name(cert);
    addNameEntry(subject, "C", QStringLiteral("VN"));
    addNameEntry(subject, "O", request.organization);
    addNameEntry(subject, "CN", request.commonName);
    X509_set_issuer_name(cert, issuer ? X509_get_subject_name(issuer) : subject);
    setTime(X509_getm_notBefore(cert), request.notBefore);
    setTime(X509_getm_notAfter(cert), request.notAfter);
    X509_set_pubkey(cert, subjectKey);

    X509* signerCertificate = issuer ? issuer : cert;
    addExtension(cert, signerCertificate, NID_subject_key_identifier, "hash");
    addExtension(cert, signerCertificate, NID_authority_key_identifier, "keyid:always");
    if (request.certificateAuthority) {
        addExtension(cert, signerCertificate, NID_basic_constraints, "critical,CA:TRUE");
        addExtension(cert, signerCertificate, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        addExtension(cert, signerCertificate, NID_basic_constraints, "critical,CA:FALSE");
        addExtension(cert, signerCertificate, NID_key_usage,
                     request.forSigning ? "critical,digitalSignature,nonRepudiation"
                                        : "critical,keyEncipherment");
        if (request.timeStamping)
            addExtension(cert, signerCertificate, NID_ext_key_usage, "critical,timeStamping");
    }
    check(X509_sign(cert, issuerKey ? issuerKey : subjectKey, EVP_sha256()) > 0, "sign");
    return certificate;
}

CertificateRequest authorityRequest(const QString& commonName)
{
    CertificateRequest request;
    request.commonName = commonName;
    request.organization = QStringLiteral("SoHoa Test PKI");
    request.notBefore = QDateTime::currentDateTimeUtc().addYears(-1);
    request.notAfter = QDateTime::currentDateTimeUtc().addYears(10);
    request.certificateAuthority = true;
    return request;
}

} // namespace

TestCertificateAuthority::TestCertificateAuthority(const QString& commonName)
    : TestCertificateAuthority(commonName, nullptr)
{
}

TestCertificateAuthority::TestCertificateAuthority(const QString& commonName,
                                                   const TestCertificateAuthority* issuer)
{
    Key key = generateKey(TestKeyType::Rsa2048);
    privateKeyPem_ = privateKeyToPem(key.get());
    const CertificateRequest request = authorityRequest(commonName);
    if (issuer) {
        Certificate issuerCertificate = certificateFromDer(issuer->certificateDer_);
        Key issuerKey = keyFromPem(issuer->privateKeyPem_);
        certificateDer_ = toDer(
            makeCertificate(request, key.get(), issuerCertificate.get(), issuerKey.get()).get());
    } else {
        certificateDer_ = toDer(makeCertificate(request, key.get(), nullptr, nullptr).get());
    }
}

TestCertificateAuthority::~TestCertificateAuthority() = default;

IssuedCertificate TestCertificateAuthority::issue(const CertificateRequest& request) const
{
    IssuedCertificate issued;
    Key subjectKey;
    if (request.publicKeyDer.isEmpty()) {
        subjectKey = generateKey(request.keyType);
        issued.privateKeyPem = privateKeyToPem(subjectKey.get());
    } else {
        subjectKey = publicKeyFromDer(request.publicKeyDer);
    }
    Certificate issuerCertificate = certificateFromDer(certificateDer_);
    Key issuerKey = keyFromPem(privateKeyPem_);
    issued.certificateDer = toDer(
        makeCertificate(request, subjectKey.get(), issuerCertificate.get(), issuerKey.get()).get());
    return issued;
}

std::unique_ptr<TestCertificateAuthority>
TestCertificateAuthority::issueIntermediate(const QString& commonName) const
{
    return std::unique_ptr<TestCertificateAuthority>(
        new TestCertificateAuthority(commonName, this));
}

IssuedChain
TestCertificateAuthority::issueThroughIntermediate(const CertificateRequest& request) const
{
    const std::unique_ptr<TestCertificateAuthority> intermediate =
        issueIntermediate(QStringLiteral("SoHoa Test Intermediate CA"));
    IssuedCertificate leaf = intermediate->issue(request);
    return {{leaf.certificateDer, intermediate->certificateDer(), certificateDer_},
            std::move(leaf.privateKeyPem)};
}

QByteArray TestCertificateAuthority::toPem(const QByteArray& certificateDer)
{
    Certificate certificate = certificateFromDer(certificateDer);
    Bio bio(BIO_new(BIO_s_mem()));
    check(PEM_write_bio_X509(bio.get(), certificate.get()) == 1, "PEM certificate");
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

} // namespace sohoa::testing
