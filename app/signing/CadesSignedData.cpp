// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/CadesSignedData.h"

#include "domain/UserError.h"
#include "signing/Der.h"
#include "signing/OpenSslHandles.h"

#include <QCryptographicHash>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pkcs7.h>
#include <stdexcept>
#include <string_view>

namespace sohoa::signing {

namespace {

constexpr std::string_view kIdData = "1.2.840.113549.1.7.1";
constexpr std::string_view kIdSignedData = "1.2.840.113549.1.7.2";
constexpr std::string_view kSha256 = "2.16.840.1.101.3.4.2.1";
constexpr std::string_view kSha256WithRsaEncryption = "1.2.840.113549.1.1.11";
constexpr std::string_view kEcdsaWithSha256 = "1.2.840.10045.4.3.2";
constexpr std::string_view kContentTypeAttribute = "1.2.840.113549.1.9.3";
constexpr std::string_view kMessageDigestAttribute = "1.2.840.113549.1.9.4";
constexpr std::string_view kSigningCertificateV2Attribute = "1.2.840.113549.1.9.16.2.47";

// RFC 5652: version 1 when certificates are X.509 only and the signer is named by
// issuerAndSerialNumber; both hold for SignedData and SignerInfo here.
constexpr int kCmsVersion = 1;
constexpr int kContentTag = 0;          // ContentInfo content [0] EXPLICIT
constexpr int kDirectoryNameTag = 4;    // GeneralName directoryName [4]
constexpr int kSignedAttributesTag = 0; // SignerInfo signedAttrs [0] IMPLICIT
constexpr int kCertificatesTag = 0;     // SignedData certificates [0] IMPLICIT
constexpr qsizetype kSha256Size = 32;

using Cms = openssl::Handle<CMS_ContentInfo, CMS_ContentInfo_free>;
using KeyContext = openssl::Handle<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;

QByteArray sha256(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

// The parts of the signer's certificate that CMS repeats, as DER.
struct SignerCertificate
{
    openssl::Certificate parsed;
    QByteArray der;
    QByteArray issuer;
    QByteArray serialNumber;
    KeyAlgorithm keyAlgorithm = KeyAlgorithm::Rsa;
};

SignerCertificate signerCertificate(const QList<QByteArray>& chain)
{
    SignerCertificate signer;
    if (!chain.isEmpty()) {
        signer.der = chain.front();
        signer.parsed = openssl::certificateFromDer(signer.der);
    }
    if (!signer.parsed)
        throw UserError(ErrorKind::InvalidInput,
                        CadesSignedData::tr("The signing certificate cannot be read; choose "
                                            "another certificate."));
    signer.issuer = openssl::derOf(X509_get_issuer_name(signer.parsed.get()), i2d_X509_NAME);
    signer.serialNumber =
        openssl::derOf(X509_get0_serialNumber(signer.parsed.get()), i2d_ASN1_INTEGER);
    // The algorithm follows the certificate's key: a signer cannot label it otherwise.
    switch (EVP_PKEY_get_base_id(X509_get0_pubkey(signer.parsed.get()))) {
    case EVP_PKEY_RSA:
        signer.keyAlgorithm = KeyAlgorithm::Rsa;
        break;
    case EVP_PKEY_EC:
        signer.keyAlgorithm = KeyAlgorithm::Ecdsa;
        break;
    default:
        throw UserError(ErrorKind::InvalidInput,
                        CadesSignedData::tr("The signing certificate has neither an RSA nor an "
                                            "ECDSA key; choose another certificate."));
    }
    return signer;
}

// RFC 5754: SHA-2 algorithm identifiers carry no parameters.
QByteArray sha256Algorithm()
{
    return der::sequence({der::objectIdentifier(kSha256)});
}

QByteArray signatureAlgorithm(KeyAlgorithm algorithm)
{
    if (algorithm == KeyAlgorithm::Rsa) // RFC 4055: NULL parameters
        return der::sequence({der::objectIdentifier(kSha256WithRsaEncryption), der::null()});
    return der::sequence({der::objectIdentifier(kEcdsaWithSha256)}); // RFC 5758: none
}

QByteArray attribute(std::string_view type, const QByteArray& value)
{
    return der::sequence({der::objectIdentifier(type), der::setOf({value})});
}

// RFC 5035 SigningCertificateV2 with one ESSCertIDv2: hashAlgorithm left out (its default is
// SHA-256), issuerSerial naming the issuer as a directoryName.
QByteArray signingCertificateV2(const SignerCertificate& signer)
{
    const QByteArray issuerNames =
        der::sequence({der::explicitTag(kDirectoryNameTag, signer.issuer)});
    const QByteArray issuerSerial = der::sequence({issuerNames, signer.serialNumber});
    const QByteArray certificateId =
        der::sequence({der::octetString(sha256(signer.der)), issuerSerial});
    return der::sequence({der::sequence({certificateId})});
}

// The DER SET OF that is hashed and signed; the SignerInfo carries it as [0] IMPLICIT.
QByteArray signedAttributes(const QByteArray& contentDigest, const SignerCertificate& signer)
{
    return der::setOf({
        attribute(kContentTypeAttribute, der::objectIdentifier(kIdData)),
        attribute(kMessageDigestAttribute, der::octetString(contentDigest)),
        attribute(kSigningCertificateV2Attribute, signingCertificateV2(signer)),
    });
}

// A token key paired with the wrong certificate would give a signature nobody can verify; stop
// before it reaches a PDF.
void requireSignatureMatchesCertificate(const SignerCertificate& signer, const QByteArray& digest,
                                        const QByteArray& signature)
{
    KeyContext context(EVP_PKEY_CTX_new(X509_get0_pubkey(signer.parsed.get()), nullptr));
    const bool valid =
        context && EVP_PKEY_verify_init(context.get()) == 1 &&
        EVP_PKEY_CTX_set_signature_md(context.get(), EVP_sha256()) == 1 &&
        EVP_PKEY_verify(context.get(),
                        reinterpret_cast<const unsigned char*>(signature.constData()),
                        static_cast<std::size_t>(signature.size()),
                        reinterpret_cast<const unsigned char*>(digest.constData()),
                        static_cast<std::size_t>(digest.size())) == 1;
    if (!valid)
        throw UserError(
            ErrorKind::InvalidInput,
            CadesSignedData::tr("The signing key does not match the chosen certificate; "
                                "choose the certificate that belongs to the key."));
}

QByteArray signerInfo(const SignerCertificate& signer, const QByteArray& attributes,
                      const QByteArray& signature)
{
    return der::sequence({
        der::integer(kCmsVersion),
        der::sequence({signer.issuer, signer.serialNumber}),
        sha256Algorithm(),
        der::implicitTag(kSignedAttributesTag, attributes),
        signatureAlgorithm(signer.keyAlgorithm),
        der::octetString(signature),
    });
}

QByteArray signedData(const QList<QByteArray>& chain, const QByteArray& signerInfoDer)
{
    return der::sequence({
        der::integer(kCmsVersion),
        der::setOf({sha256Algorithm()}),
        der::sequence({der::objectIdentifier(kIdData)}), // detached: no eContent
        der::implicitTag(kCertificatesTag, der::setOf(chain)),
        der::setOf({signerInfoDer}),
    });
}

[[noreturn]] void throwDamaged()
{
    throw UserError(ErrorKind::InvalidInput,
                    CadesSignedData::tr("The signature container is damaged; sign the document "
                                        "again."));
}

Cms parse(const QByteArray& cms)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(cms.constData());
    Cms parsed(d2i_CMS_ContentInfo(nullptr, &bytes, static_cast<long>(cms.size())));
    if (!parsed)
        throwDamaged();
    return parsed;
}

CMS_SignerInfo* onlySigner(CMS_ContentInfo* cms)
{
    STACK_OF(CMS_SignerInfo)* signers = CMS_get0_SignerInfos(cms);
    if (!signers || sk_CMS_SignerInfo_num(signers) != 1)
        throwDamaged();
    return sk_CMS_SignerInfo_value(signers, 0);
}

bool isContentInfo(const QByteArray& token)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(token.constData());
    const openssl::Handle<PKCS7, PKCS7_free> parsed(
        d2i_PKCS7(nullptr, &bytes, static_cast<long>(token.size())));
    return parsed && bytes == reinterpret_cast<const unsigned char*>(token.constEnd());
}

} // namespace

QByteArray CadesSignedData::create(const QByteArray& contentDigest, DigestSigner& signer)
{
    if (contentDigest.size() != kSha256Size)
        throw std::invalid_argument("CadesSignedData: the content digest must be SHA-256");
    const QList<QByteArray> chain = signer.certificateChain();
    const SignerCertificate certificate = signerCertificate(chain);

    const QByteArray attributes = signedAttributes(contentDigest, certificate);
    const QByteArray attributesDigest = sha256(attributes);
    const QByteArray signature = signer.signSha256Digest(attributesDigest);
    requireSignatureMatchesCertificate(certificate, attributesDigest, signature);

    return der::sequence({
        der::objectIdentifier(kIdSignedData),
        der::explicitTag(kContentTag,
                         signedData(chain, signerInfo(certificate, attributes, signature))),
    });
}

QByteArray CadesSignedData::signatureValue(const QByteArray& cms)
{
    const Cms parsed = parse(cms);
    const ASN1_OCTET_STRING* signature = CMS_SignerInfo_get0_signature(onlySigner(parsed.get()));
    return QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(signature)),
                      ASN1_STRING_length(signature));
}

QByteArray CadesSignedData::withSignatureTimestamp(const QByteArray& cms,
                                                   const QByteArray& timestampToken)
{
    if (!isContentInfo(timestampToken))
        throw std::invalid_argument("CadesSignedData: the time-stamp token is not a DER "
                                    "ContentInfo");
    const Cms parsed = parse(cms);
    // A SEQUENCE-typed value holds its complete encoding, so the token is copied byte for byte.
    if (CMS_unsigned_add1_attr_by_NID(onlySigner(parsed.get()), NID_id_smime_aa_timeStampToken,
                                      V_ASN1_SEQUENCE, timestampToken.constData(),
                                      static_cast<int>(timestampToken.size())) != 1)
        throw std::bad_alloc();
    // OpenSSL re-encodes what it parsed; DER in gives the same bytes out for the signed part.
    return openssl::derOf(parsed.get(), i2d_CMS_ContentInfo);
}

} // namespace sohoa::signing
