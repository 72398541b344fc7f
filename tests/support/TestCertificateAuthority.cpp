// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/TestCertificateAuthority.h"

#include <QMutex>
#include <QMutexLocker>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <optional>
#include <stdexcept>
#include <vector>

namespace sohoa::testing {
namespace {

struct Deleters
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
    void operator()(X509* certificate) const { X509_free(certificate); }
    void operator()(BIO* bio) const { BIO_free(bio); }
    void operator()(X509_CRL* crl) const { X509_CRL_free(crl); }
    // ASN1_TIME and ASN1_INTEGER are both ASN1_STRING.
    void operator()(ASN1_STRING* string) const { ASN1_STRING_free(string); }
    void operator()(OCSP_REQUEST* request) const { OCSP_REQUEST_free(request); }
    void operator()(OCSP_BASICRESP* response) const { OCSP_BASICRESP_free(response); }
    void operator()(OCSP_RESPONSE* response) const { OCSP_RESPONSE_free(response); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleters>;
using Certificate = std::unique_ptr<X509, Deleters>;
using Bio = std::unique_ptr<BIO, Deleters>;
using Crl = std::unique_ptr<X509_CRL, Deleters>;
using Time = std::unique_ptr<ASN1_TIME, Deleters>;
using Integer = std::unique_ptr<ASN1_INTEGER, Deleters>;
using OcspRequest = std::unique_ptr<OCSP_REQUEST, Deleters>;
using OcspBasicResponse = std::unique_ptr<OCSP_BASICRESP, Deleters>;
using OcspResponse = std::unique_ptr<OCSP_RESPONSE, Deleters>;

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

// The DER of `object` by an i2d_* function, e.g. `toDer(certificate, i2d_X509)`.
template <typename T, typename Encode> QByteArray toDer(T* object, Encode encode)
{
    unsigned char* bytes = nullptr;
    const int size = encode(object, &bytes);
    check(size > 0, "encode DER");
    QByteArray der(reinterpret_cast<const char*>(bytes), size);
    OPENSSL_free(bytes);
    return der;
}

QByteArray toDer(X509* certificate)
{
    return toDer(certificate, i2d_X509);
}

Time timeAt(const QDateTime& when)
{
    Time time(ASN1_TIME_set(nullptr, static_cast<time_t>(when.toSecsSinceEpoch())));
    check(time != nullptr, "time");
    return time;
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

// Where relying parties find out whether the certificate was revoked.
void addRevocationPointers(X509* certificate, X509* issuer, const CertificateRequest& request)
{
    if (!request.crlUrl.isEmpty())
        addExtension(certificate, issuer, NID_crl_distribution_points,
                     ("URI:" + request.crlUrl.toEncoded()).constData());
    if (!request.ocspUrl.isEmpty())
        addExtension(certificate, issuer, NID_info_access,
                     ("OCSP;URI:" + request.ocspUrl.toEncoded()).constData());
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
        if (request.ocspSigning)
            addExtension(cert, signerCertificate, NID_ext_key_usage, "OCSPSigning");
    }
    addRevocationPointers(cert, signerCertificate, request);
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

struct TestCertificateAuthority::Revocations
{
    struct Entry
    {
        QByteArray serialDer; // the ASN1_INTEGER, DER
        QDateTime at;
        RevocationReason reason;
    };

    QMutex mutex; // the CRL and OCSP answers are made on servers' threads
    std::vector<Entry> entries;

    std::optional<Entry> find(const ASN1_INTEGER* serial)
    {
        const QByteArray der = toDer(serial, i2d_ASN1_INTEGER);
        const QMutexLocker lock(&mutex);
        for (const Entry& entry : entries)
            if (entry.serialDer == der)
                return entry;
        return std::nullopt;
    }
};

TestCertificateAuthority::TestCertificateAuthority(const QString& commonName)
    : TestCertificateAuthority(authorityRequest(commonName), nullptr)
{
}

TestCertificateAuthority::TestCertificateAuthority(const CertificateRequest& request,
                                                   const TestCertificateAuthority* issuer)
    : revocations_(std::make_unique<Revocations>())
{
    Key key = generateKey(TestKeyType::Rsa2048);
    privateKeyPem_ = privateKeyToPem(key.get());
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
TestCertificateAuthority::issueIntermediate(const QString& commonName, const QUrl& crlUrl,
                                            const QUrl& ocspUrl) const
{
    CertificateRequest request = authorityRequest(commonName);
    request.crlUrl = crlUrl;
    request.ocspUrl = ocspUrl;
    return std::unique_ptr<TestCertificateAuthority>(new TestCertificateAuthority(request, this));
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

void TestCertificateAuthority::revoke(const QByteArray& certificateDer, const QDateTime& at,
                                      RevocationReason reason)
{
    const Certificate certificate = certificateFromDer(certificateDer);
    const QByteArray serial = toDer(X509_get0_serialNumber(certificate.get()), i2d_ASN1_INTEGER);
    const QMutexLocker lock(&revocations_->mutex);
    revocations_->entries.push_back({serial, at, reason});
}

QByteArray TestCertificateAuthority::crlDer() const
{
    const Certificate issuer = certificateFromDer(certificateDer_);
    const Key key = keyFromPem(privateKeyPem_);
    const Crl crl(X509_CRL_new());
    check(crl && X509_CRL_set_version(crl.get(), 1) == 1 && // v2
              X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(issuer.get())) == 1,
          "CRL");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    check(X509_CRL_set1_lastUpdate(crl.get(), timeAt(now.addSecs(-3600)).get()) == 1 &&
              X509_CRL_set1_nextUpdate(crl.get(), timeAt(now.addDays(1)).get()) == 1,
          "CRL validity");
    std::vector<Revocations::Entry> entries;
    {
        const QMutexLocker lock(&revocations_->mutex);
        entries = revocations_->entries;
    }
    for (const Revocations::Entry& entry : entries) {
        X509_REVOKED* revoked = X509_REVOKED_new();
        const auto* bytes = reinterpret_cast<const unsigned char*>(entry.serialDer.constData());
        const Integer serial(d2i_ASN1_INTEGER(nullptr, &bytes, entry.serialDer.size()));
        ASN1_ENUMERATED* reason = ASN1_ENUMERATED_new();
        ASN1_ENUMERATED_set(reason, static_cast<long>(entry.reason));
        check(serial && X509_REVOKED_set_serialNumber(revoked, serial.get()) == 1 &&
                  X509_REVOKED_set_revocationDate(revoked, timeAt(entry.at).get()) == 1 &&
                  X509_REVOKED_add1_ext_i2d(revoked, NID_crl_reason, reason, 0, 0) == 1,
              "CRL entry");
        ASN1_ENUMERATED_free(reason);
        X509_CRL_add0_revoked(crl.get(), revoked);
    }
    X509_CRL_sort(crl.get());
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer.get(), nullptr, nullptr, crl.get(), 0);
    X509_EXTENSION* keyId =
        X509V3_EXT_conf_nid(nullptr, &context, NID_authority_key_identifier, "keyid:always");
    check(keyId && X509_CRL_add_ext(crl.get(), keyId, -1) == 1, "CRL extension");
    X509_EXTENSION_free(keyId);
    check(X509_CRL_sign(crl.get(), key.get(), EVP_sha256()) > 0, "sign CRL");
    return toDer(crl.get(), i2d_X509_CRL);
}

QByteArray TestCertificateAuthority::ocspResponseDer(const QByteArray& requestDer,
                                                     const IssuedCertificate* responder) const
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(requestDer.constData());
    const OcspRequest request(d2i_OCSP_REQUEST(nullptr, &bytes, requestDer.size()));
    if (!request) {
        const OcspResponse malformed(
            OCSP_response_create(OCSP_RESPONSE_STATUS_MALFORMEDREQUEST, nullptr));
        return toDer(malformed.get(), i2d_OCSP_RESPONSE);
    }
    const OcspBasicResponse basic(OCSP_BASICRESP_new());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Time thisUpdate = timeAt(now.addSecs(-60));
    const Time nextUpdate = timeAt(now.addDays(1));
    for (int index = 0; index < OCSP_request_onereq_count(request.get()); ++index) {
        OCSP_CERTID* id = OCSP_onereq_get0_id(OCSP_request_onereq_get0(request.get(), index));
        ASN1_INTEGER* serial = nullptr;
        OCSP_id_get0_info(nullptr, nullptr, nullptr, &serial, id);
        const std::optional<Revocations::Entry> revoked = revocations_->find(serial);
        const Time revokedAt = revoked ? timeAt(revoked->at) : nullptr;
        check(OCSP_basic_add1_status(
                  basic.get(), id, revoked ? V_OCSP_CERTSTATUS_REVOKED : V_OCSP_CERTSTATUS_GOOD,
                  revoked ? static_cast<int>(revoked->reason) : OCSP_REVOKED_STATUS_NOSTATUS,
                  revokedAt.get(), thisUpdate.get(), nextUpdate.get()) != nullptr,
              "OCSP status");
    }
    OCSP_copy_nonce(basic.get(), request.get());
    const Certificate signer =
        certificateFromDer(responder ? responder->certificateDer : certificateDer_);
    const Key key = keyFromPem(responder ? responder->privateKeyPem : privateKeyPem_);
    check(OCSP_basic_sign(basic.get(), signer.get(), key.get(), EVP_sha256(), nullptr, 0) == 1,
          "sign OCSP response");
    const OcspResponse response(OCSP_response_create(OCSP_RESPONSE_STATUS_SUCCESSFUL, basic.get()));
    return toDer(response.get(), i2d_OCSP_RESPONSE);
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
