// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>
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
    bool ocspSigning = false;  // extendedKeyUsage OCSPSigning (a delegated OCSP responder)
    bool certificateAuthority = false;
    QUrl crlUrl;  // the crlDistributionPoints URI; empty: no such extension
    QUrl ocspUrl; // the authorityInfoAccess OCSP URI; empty: no such extension
};

// RFC 5280 CRLReason codes, as CRLs and OCSP answers carry them.
enum class RevocationReason
{
    Unspecified = 0,
    KeyCompromise = 1,
    CaCompromise = 2,
    AffiliationChanged = 3,
    Superseded = 4,
    CessationOfOperation = 5,
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
// leaf, TSA, OCSP responder and intermediate certificates with any validity, so tests can make
// trusted, untrusted, expired and not-yet-valid signers without touching the system trust store.
// It revokes what it issued and says so in the CRLs and OCSP answers it signs.
class TestCertificateAuthority
{
public:
    explicit TestCertificateAuthority(
        const QString& commonName = QStringLiteral("SoHoa Test Root CA"));
    ~TestCertificateAuthority();
    TestCertificateAuthority(const TestCertificateAuthority&) = delete;
    TestCertificateAuthority& operator=(const TestCertificateAuthority&) = delete;

    IssuedCertificate issue(const CertificateRequest& request) const;
    // An intermediate CA signed by this one; the URLs as in CertificateRequest.
    std::unique_ptr<TestCertificateAuthority> issueIntermediate(const QString& commonName,
                                                                const QUrl& crlUrl = {},
                                                                const QUrl& ocspUrl = {}) const;
    // A leaf issued by a fresh intermediate CA under this one: root -> intermediate -> leaf.
    IssuedChain issueThroughIntermediate(const CertificateRequest& request) const;

    QByteArray certificateDer() const { return certificateDer_; }
    QByteArray privateKeyPem() const { return privateKeyPem_; }

    // Revokes `certificateDer` (its serial number) as of `at`, for the CRLs and OCSP answers
    // made from now on. These may be made on another thread meanwhile.
    void revoke(const QByteArray& certificateDer, const QDateTime& at,
                RevocationReason reason = RevocationReason::KeyCompromise);
    // A v2 CRL (DER) of the revoked certificates: issued an hour ago, next update in a day.
    QByteArray crlDer() const;
    // The OCSP response (DER) to `requestDer`: "revoked" or "good" for each serial number asked
    // about (like a forger, it does not check that it issued them), the nonce echoed, signed by
    // this authority or by `responder` (a delegated responder's certificate and key) when given.
    // malformedRequest for a request it cannot read.
    QByteArray ocspResponseDer(const QByteArray& requestDer,
                               const IssuedCertificate* responder = nullptr) const;

    static QByteArray toPem(const QByteArray& certificateDer);

private:
    TestCertificateAuthority(const CertificateRequest& request,
                             const TestCertificateAuthority* issuer);

    QByteArray certificateDer_;
    QByteArray privateKeyPem_;
    struct Revocations;
    std::unique_ptr<Revocations> revocations_;
};

} // namespace sohoa::testing
