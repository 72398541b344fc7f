// SPDX-License-Identifier: GPL-3.0-or-later
// The PAdES B-B container: made with SoftwareKeySigner (RSA and EC leaves under an intermediate
// CA), checked by the real `openssl cms -verify` over the data whose digest was signed, and
// read back with OpenSSL's CMS API for exactly the baseline's signed attributes, the ESS
// certificate reference, the embedded chain and the signature algorithm.
#include "domain/UserError.h"
#include "signing/CadesSignedData.h"
#include "signing/SoftwareKeySigner.h"
#include "storage/SecureBytes.h"
#include "support/ErrorCapture.h"
#include "support/OpensslCms.h"
#include "support/TestCertificateAuthority.h"
#include "support/ToolRunner.h"

#include <QCryptographicHash>
#include <QtTest>
#include <algorithm>
#include <openssl/cms.h>
#include <openssl/ess.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

using namespace sohoa;
using sohoa::signing::CadesSignedData;
using sohoa::signing::DigestSigner;
using sohoa::signing::KeyAlgorithm;
using sohoa::signing::SoftwareKeySigner;
using sohoa::storage::SecureBytes;
using sohoa::testing::CertificateRequest;
using sohoa::testing::IssuedChain;
using sohoa::testing::TestCertificateAuthority;
using sohoa::testing::TestKeyType;
using sohoa::testing::thrownBy;

Q_DECLARE_METATYPE(sohoa::testing::TestKeyType)

namespace {

template <auto Free> struct Release
{
    template <typename T> void operator()(T* object) const { Free(object); }
};
using Cms = std::unique_ptr<CMS_ContentInfo, Release<CMS_ContentInfo_free>>;
using Certificate = std::unique_ptr<X509, Release<X509_free>>;
using SigningCertificateV2 =
    std::unique_ptr<ESS_SIGNING_CERT_V2, Release<ESS_SIGNING_CERT_V2_free>>;
void freeCertificates(STACK_OF(X509) * certificates)
{
    sk_X509_pop_free(certificates, X509_free);
}
using Certificates = std::unique_ptr<STACK_OF(X509), Release<freeCertificates>>;

QByteArray sha256(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

SecureBytes secureCopy(const QByteArray& bytes)
{
    return SecureBytes::fromString(std::string_view(bytes.constData(), bytes.size()));
}

Cms parse(const QByteArray& der)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(der.constData());
    return Cms(d2i_CMS_ContentInfo(nullptr, &bytes, static_cast<long>(der.size())));
}

Certificate certificate(const QByteArray& der)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(der.constData());
    return Certificate(d2i_X509(nullptr, &bytes, static_cast<long>(der.size())));
}

QByteArray derOf(X509* certificate)
{
    unsigned char* bytes = nullptr;
    const int size = i2d_X509(certificate, &bytes);
    QByteArray der(reinterpret_cast<const char*>(bytes), size);
    OPENSSL_free(bytes);
    return der;
}

CMS_SignerInfo* onlySigner(CMS_ContentInfo* cms)
{
    STACK_OF(CMS_SignerInfo)* signers = CMS_get0_SignerInfos(cms);
    return sk_CMS_SignerInfo_num(signers) == 1 ? sk_CMS_SignerInfo_value(signers, 0) : nullptr;
}

QList<int> signedAttributeTypes(CMS_SignerInfo* signer)
{
    QList<int> types;
    for (int index = 0; index < CMS_signed_get_attr_count(signer); ++index)
        types << OBJ_obj2nid(X509_ATTRIBUTE_get0_object(CMS_signed_get_attr(signer, index)));
    std::sort(types.begin(), types.end());
    return types;
}

// The value of the signing-certificate-v2 attribute as written (a SEQUENCE's whole encoding).
QByteArray signingCertificateV2Value(CMS_SignerInfo* signer)
{
    const int index = CMS_signed_get_attr_by_NID(signer, NID_id_smime_aa_signingCertificateV2, -1);
    const ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_signed_get_attr(signer, index), 0);
    if (index < 0 || !value || value->type != V_ASN1_SEQUENCE)
        return {};
    return QByteArray(reinterpret_cast<const char*>(value->value.sequence->data),
                      value->value.sequence->length);
}

Certificates certificateStack(const QList<QByteArray>& chain)
{
    Certificates stack(sk_X509_new_null());
    for (const QByteArray& der : chain)
        sk_X509_push(stack.get(), certificate(der).release());
    return stack;
}

// Hands out the signatures of one key under the certificate chain of another: a token whose key
// and certificate were paired wrongly.
class MismatchedSigner : public DigestSigner
{
public:
    MismatchedSigner(DigestSigner& key, QList<QByteArray> chain)
        : key_(key), chain_(std::move(chain))
    {
    }
    QList<QByteArray> certificateChain() const override { return chain_; }
    KeyAlgorithm algorithm() const override { return key_.algorithm(); }
    QByteArray signSha256Digest(const QByteArray& digest) override
    {
        return key_.signSha256Digest(digest);
    }

private:
    DigestSigner& key_;
    QList<QByteArray> chain_;
};

} // namespace

class TestCadesSignedData : public QObject
{
    Q_OBJECT

    TestCertificateAuthority root_;
    IssuedChain rsa_;
    IssuedChain ec_;

    const IssuedChain& chainFor(TestKeyType type) const
    {
        return type == TestKeyType::EcP256 ? ec_ : rsa_;
    }

    SoftwareKeySigner signerFor(TestKeyType type) const
    {
        const IssuedChain& chain = chainFor(type);
        return SoftwareKeySigner(secureCopy(chain.privateKeyPem), chain.certificatesDer);
    }

    // The real `openssl cms -verify` of a detached container over `data`, trusting only the root.
    testing::ToolResult opensslVerify(const QByteArray& cms, const QByteArray& data) const
    {
        return testing::opensslCmsVerify(cms, data, root_.certificateDer());
    }

    static void addKeyTypes()
    {
        QTest::addColumn<TestKeyType>("keyType");
        QTest::newRow("RSA") << TestKeyType::Rsa2048;
        QTest::newRow("EC P-256") << TestKeyType::EcP256;
    }

    // Bytes standing in for a PDF's byte range: any content works, the CMS sees only its digest.
    static QByteArray sampleByteRange()
    {
        QByteArray data("%PDF-1.7\n");
        for (int line = 0; line < 400; ++line)
            data += "Hồ sơ số hóa " + QByteArray::number(line) + "\n";
        return data;
    }

private slots:
    void initTestCase()
    {
        rsa_ = root_.issueThroughIntermediate(CertificateRequest{});
        CertificateRequest ecRequest;
        ecRequest.keyType = TestKeyType::EcP256;
        ec_ = root_.issueThroughIntermediate(ecRequest);
    }

    void opensslVerifiesTheSignatureOverTheData_data() { addKeyTypes(); }
    void opensslVerifiesTheSignatureOverTheData()
    {
        QFETCH(TestKeyType, keyType);
        SoftwareKeySigner signer = signerFor(keyType);
        const QByteArray data = sampleByteRange();
        const QByteArray cms = CadesSignedData::create(sha256(data), signer);

        const testing::ToolResult result = opensslVerify(cms, data);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY(result.err.contains("Verification successful"));
    }

    void aChangedByteFailsVerification_data() { addKeyTypes(); }
    void aChangedByteFailsVerification()
    {
        QFETCH(TestKeyType, keyType);
        SoftwareKeySigner signer = signerFor(keyType);
        const QByteArray data = sampleByteRange();
        const QByteArray cms = CadesSignedData::create(sha256(data), signer);

        for (const qsizetype position : {qsizetype{0}, data.size() / 2, data.size() - 1}) {
            QByteArray changed = data;
            changed[position] = static_cast<char>(changed[position] ^ 0x20);
            const testing::ToolResult result = opensslVerify(cms, changed);
            QVERIFY2(result.exitCode != 0, qPrintable(QString::number(position)));
            QVERIFY(!result.err.contains("Verification successful"));
        }
    }

    void signedAttributesAreExactlyTheBaselineOnes_data() { addKeyTypes(); }
    void signedAttributesAreExactlyTheBaselineOnes()
    {
        QFETCH(TestKeyType, keyType);
        SoftwareKeySigner signer = signerFor(keyType);
        const QByteArray digest = sha256(sampleByteRange());
        const Cms cms = parse(CadesSignedData::create(digest, signer));
        QVERIFY(cms);
        CMS_SignerInfo* signerInfo = onlySigner(cms.get());
        QVERIFY(signerInfo);

        QList<int> expected{NID_pkcs9_contentType, NID_pkcs9_messageDigest,
                            NID_id_smime_aa_signingCertificateV2};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(signedAttributeTypes(signerInfo), expected);
        QCOMPARE(CMS_signed_get_attr_by_NID(signerInfo, NID_pkcs9_signingTime, -1), -1);
        QVERIFY(CMS_unsigned_get_attr_count(signerInfo) <= 0); // none at B-B

        const ASN1_OBJECT* contentType =
            static_cast<const ASN1_OBJECT*>(CMS_signed_get0_data_by_OBJ(
                signerInfo, OBJ_nid2obj(NID_pkcs9_contentType), -3, V_ASN1_OBJECT));
        QVERIFY(contentType);
        QCOMPARE(OBJ_obj2nid(contentType), NID_pkcs7_data);
        const auto* messageDigest =
            static_cast<const ASN1_OCTET_STRING*>(CMS_signed_get0_data_by_OBJ(
                signerInfo, OBJ_nid2obj(NID_pkcs9_messageDigest), -3, V_ASN1_OCTET_STRING));
        QVERIFY(messageDigest);
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(messageDigest)),
                            ASN1_STRING_length(messageDigest)),
                 digest);
    }

    // OpenSSL writes SET OF in DER order when it re-encodes what it parsed (it verifies over the
    // bytes as received, so only this shows the order): equal bytes mean the container is DER,
    // which PAdES requires of the signed attributes and which lets B-T re-encode it safely.
    void theContainerIsDer_data() { addKeyTypes(); }
    void theContainerIsDer()
    {
        QFETCH(TestKeyType, keyType);
        SoftwareKeySigner signer = signerFor(keyType);
        const QByteArray der = CadesSignedData::create(sha256("x"), signer);
        const Cms cms = parse(der);
        QVERIFY(cms);
        unsigned char* bytes = nullptr;
        const int size = i2d_CMS_ContentInfo(cms.get(), &bytes);
        const QByteArray reencoded(reinterpret_cast<const char*>(bytes), size);
        OPENSSL_free(bytes);
        QCOMPARE(reencoded.toHex(), der.toHex());
    }

    void signingCertificateV2NamesTheLeaf_data() { addKeyTypes(); }
    void signingCertificateV2NamesTheLeaf()
    {
        QFETCH(TestKeyType, keyType);
        SoftwareKeySigner signer = signerFor(keyType);
        const Cms cms = parse(CadesSignedData::create(sha256("x"), signer));
        QVERIFY(cms);
        const QByteArray value = signingCertificateV2Value(onlySigner(cms.get()));
        QVERIFY(!value.isEmpty());

        // RFC 5035 as OpenSSL itself writes it for a SHA-256 ESSCertIDv2 with issuerSerial:
        // the certificate hash is SHA-256 of the leaf's DER, the default algorithm omitted.
        const QList<QByteArray>& chain = chainFor(keyType).certificatesDer;
        const Certificate leaf = certificate(chain.front());
        SigningCertificateV2 reference(
            OSSL_ESS_signing_cert_v2_new_init(EVP_sha256(), leaf.get(), nullptr, 1));
        unsigned char* referenceBytes = nullptr;
        const int referenceSize = i2d_ESS_SIGNING_CERT_V2(reference.get(), &referenceBytes);
        const QByteArray expected(reinterpret_cast<const char*>(referenceBytes), referenceSize);
        OPENSSL_free(referenceBytes);
        QCOMPARE(value.toHex(), expected.toHex());
        QVERIFY(value.contains(QByteArray::fromHex("0420") + sha256(chain.front())));

        // OpenSSL's ESS check accepts it for this chain and refuses it for another leaf.
        const auto* bytes = reinterpret_cast<const unsigned char*>(value.constData());
        const SigningCertificateV2 decoded(
            d2i_ESS_SIGNING_CERT_V2(nullptr, &bytes, static_cast<long>(value.size())));
        QVERIFY(decoded);
        QVERIFY(OSSL_ESS_check_signing_certs(nullptr, decoded.get(), certificateStack(chain).get(),
                                             1) > 0);
        const TestKeyType other =
            keyType == TestKeyType::EcP256 ? TestKeyType::Rsa2048 : TestKeyType::EcP256;
        QVERIFY(OSSL_ESS_check_signing_certs(
                    nullptr, decoded.get(), certificateStack(chainFor(other).certificatesDer).get(),
                    1) <= 0);
    }

    void theChainIsEmbeddedAndTheSignerNamedByIssuerAndSerial_data() { addKeyTypes(); }
    void theChainIsEmbeddedAndTheSignerNamedByIssuerAndSerial()
    {
        QFETCH(TestKeyType, keyType);
        SoftwareKeySigner signer = signerFor(keyType);
        const Cms cms = parse(CadesSignedData::create(sha256("x"), signer));
        QVERIFY(cms);
        QCOMPARE(OBJ_obj2nid(CMS_get0_type(cms.get())), NID_pkcs7_signed);
        QCOMPARE(OBJ_obj2nid(CMS_get0_eContentType(cms.get())), NID_pkcs7_data);
        QCOMPARE(CMS_is_detached(cms.get()), 1);

        const QList<QByteArray>& chain = chainFor(keyType).certificatesDer;
        const Certificates embedded(CMS_get1_certs(cms.get()));
        QList<QByteArray> embeddedDer;
        for (int index = 0; index < sk_X509_num(embedded.get()); ++index)
            embeddedDer << derOf(sk_X509_value(embedded.get(), index));
        std::sort(embeddedDer.begin(), embeddedDer.end());
        QList<QByteArray> expected = chain;
        std::sort(expected.begin(), expected.end());
        QCOMPARE(embeddedDer, expected);

        CMS_SignerInfo* signerInfo = onlySigner(cms.get());
        QVERIFY(signerInfo);
        const Certificate leaf = certificate(chain.front());
        QCOMPARE(CMS_SignerInfo_cert_cmp(signerInfo, leaf.get()), 0);
        ASN1_OCTET_STRING* keyIdentifier = nullptr;
        QCOMPARE(CMS_SignerInfo_get0_signer_id(signerInfo, &keyIdentifier, nullptr, nullptr), 1);
        QVERIFY(keyIdentifier == nullptr); // issuerAndSerialNumber, not subjectKeyIdentifier
    }

    void theAlgorithmsFollowTheKey_data()
    {
        QTest::addColumn<TestKeyType>("keyType");
        QTest::addColumn<int>("signatureAlgorithm");
        QTest::newRow("RSA") << TestKeyType::Rsa2048 << NID_sha256WithRSAEncryption;
        QTest::newRow("EC P-256") << TestKeyType::EcP256 << NID_ecdsa_with_SHA256;
    }
    void theAlgorithmsFollowTheKey()
    {
        QFETCH(TestKeyType, keyType);
        QFETCH(int, signatureAlgorithm);
        SoftwareKeySigner signer = signerFor(keyType);
        const Cms cms = parse(CadesSignedData::create(sha256("x"), signer));
        QVERIFY(cms);
        X509_ALGOR* digest = nullptr;
        X509_ALGOR* signature = nullptr;
        CMS_SignerInfo_get0_algs(onlySigner(cms.get()), nullptr, nullptr, &digest, &signature);
        const ASN1_OBJECT* digestObject = nullptr;
        const ASN1_OBJECT* signatureObject = nullptr;
        X509_ALGOR_get0(&digestObject, nullptr, nullptr, digest);
        X509_ALGOR_get0(&signatureObject, nullptr, nullptr, signature);
        QCOMPARE(OBJ_obj2nid(digestObject), NID_sha256);
        QCOMPARE(OBJ_obj2nid(signatureObject), signatureAlgorithm);
        QCOMPARE(signer.algorithm(),
                 keyType == TestKeyType::EcP256 ? KeyAlgorithm::Ecdsa : KeyAlgorithm::Rsa);
    }

    void aKeyThatIsNotTheCertificatesIsRefused()
    {
        SoftwareKeySigner rsaKey = signerFor(TestKeyType::Rsa2048);
        CertificateRequest otherRequest;
        const IssuedChain other = root_.issueThroughIntermediate(otherRequest);
        MismatchedSigner mismatched(rsaKey, other.certificatesDer);
        const auto error =
            thrownBy<UserError>([&] { CadesSignedData::create(sha256("x"), mismatched); });
        QVERIFY(error);
        QCOMPARE(error->kind(), ErrorKind::InvalidInput);
        QVERIFY(error->message().contains(QLatin1String("certificate")));
    }

    void softwareKeysAreReadAsPemOrDerAndMustMatchTheirCertificate()
    {
        const IssuedChain& chain = chainFor(TestKeyType::EcP256);
        const testing::ToolResult der = testing::runTool(
            QStringLiteral("openssl"),
            {QStringLiteral("pkey"), QStringLiteral("-outform"), QStringLiteral("DER")},
            QProcessEnvironment::systemEnvironment(), chain.privateKeyPem);
        QCOMPARE(der.exitCode, 0);
        SoftwareKeySigner fromDer(secureCopy(der.out), chain.certificatesDer);
        const QByteArray data = sampleByteRange();
        QCOMPARE(opensslVerify(CadesSignedData::create(sha256(data), fromDer), data).exitCode, 0);

        const auto wrongCertificate = thrownBy<UserError>([&] {
            static_cast<void>(
                SoftwareKeySigner(secureCopy(chain.privateKeyPem), rsa_.certificatesDer));
        });
        QVERIFY(wrongCertificate);
        QCOMPARE(wrongCertificate->kind(), ErrorKind::InvalidInput);
        const auto unreadable = thrownBy<UserError>([&] {
            static_cast<void>(SoftwareKeySigner(secureCopy("not a key"), chain.certificatesDer));
        });
        QVERIFY(unreadable);
        QCOMPARE(unreadable->kind(), ErrorKind::InvalidInput);
        QVERIFY(wrongCertificate->message() != unreadable->message());
    }
};

QTEST_GUILESS_MAIN(TestCadesSignedData)
#include "test_cades_signed_data.moc"
