// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <memory>

namespace sohoa::testing {

// The kind of key generated for a certificate that does not name an existing one.
enum class TestKeyType
{
    Rsa2048,
    EcP256,
};

// What a certificate issued by TestCertificateAuthority says about its key.
struct CertificateRequest
{
    QString commonName = QStringLiteral("Nguyễn Văn Thử");
    QString organization = QStringLiteral("UBND xã Thử Nghiệm");
    // SubjectPublicKeyInfo (DER) of a key held elsewhere (a token's); empty: a fresh key
    // of `keyType` is generated and returned as PEM with the certificate.
    QByteArray publicKeyDer;
    TestKeyType keyType = TestKeyType::Rsa2048;
    QDateTime notBefore = QDateTime::currentDateTimeUtc().addDays(-1);
    QDateTime notAfter = QDateTime::currentDateTimeUtc().addYears(2);
    bool forSigning = true;    // keyUsage digitalSignature + nonRepudiation (else keyEncipherment)
    bool timeStamping = false; // critical extendedKeyUsage timeStamping (an RFC 3161 TSA)
    bool certificateAuthority = false;
};

struct IssuedCertificate
{
    QByteArray certificateDer;
    QByteArray privateKeyPem; // empty when the request named an existing public key
};

// A leaf certificate with the chain above it, as real signers present it.
struct IssuedChain
{
    QList<QByteArray> certificatesDer; // the leaf first, then its issuers up to the root
    QByteArray privateKeyPem;          // the leaf's; empty as for IssuedCertificate
};

// A certificate authority for tests, in process on OpenSSL: a self-signed RSA root that issues
// leaf, TSA and intermediate certificates with any validity, so tests can make trusted,
// untrusted, expired and not-yet-valid signers without touching the system trust store.
class TestCertificateAuthority
{
public:
    explicit TestCertificateAuthority(
        const QString& commonName = QStringLiteral("SoHoa Test Root CA"));
    ~TestCertificateAuthority();
    TestCertificateAuthority(const TestCertificateAuthority&) = delete;
    TestCertificateAuthority& operator=(const TestCertificateAuthority&) = delete;

    IssuedCertificate issue(const CertificateRequest& request) const;
    // An intermediate CA signed by this one.
    std::unique_ptr<TestCertificateAuthority> issueIntermediate(const QString& commonName) const;
    // A leaf issued by a fresh intermediate CA under this one: root -> intermediate -> leaf.
    IssuedChain issueThroughIntermediate(const CertificateRequest& request) const;

    QByteArray certificateDer() const { return certificateDer_; }
    QByteArray privateKeyPem() const { return privateKeyPem_; }

    static QByteArray toPem(const QByteArray& certificateDer);

private:
    TestCertificateAuthority(const QString& commonName, const TestCertificateAuthority* issuer);

    QByteArray certificateDer_;
    QByteArray privateKeyPem_;
};

} // namespace sohoa::testing
