// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/CmsSignatureCheck.h"

#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/evp.h>

namespace sohoa::signing {

namespace {

using SigningCertificateV2 = openssl::Handle<ESS_SIGNING_CERT_V2, ESS_SIGNING_CERT_V2_free>;

QByteArray bytesOf(const ASN1_STRING* string)
{
    if (!string)
        return {};
    return QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(string)),
                      ASN1_STRING_length(string));
}

const ASN1_STRING* signedAttribute(CMS_SignerInfo* signerInfo, int nid, int type)
{
    return static_cast<const ASN1_STRING*>(
        CMS_signed_get0_data_by_OBJ(signerInfo, OBJ_nid2obj(nid), -3, type));
}

QString digestName(CMS_SignerInfo* signerInfo)
{
    X509_ALGOR* digest = nullptr;
    CMS_SignerInfo_get0_algs(signerInfo, nullptr, nullptr, &digest, nullptr);
    const ASN1_OBJECT* algorithm = nullptr;
    X509_ALGOR_get0(&algorithm, nullptr, nullptr, digest);
    const char* name = OBJ_nid2sn(OBJ_obj2nid(algorithm));
    return name ? QString::fromLatin1(name) : QString();
}

// adbe.pkcs7.sha1 encapsulates the SHA-1 of the signed bytes instead of leaving them detached.
bool encapsulatesSha1Of(CMS_ContentInfo* cms, const std::vector<QByteArrayView>& parts)
{
    ASN1_OCTET_STRING** content = CMS_get0_content(cms);
    if (!content || !*content)
        return false;
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    bool computed = EVP_DigestInit_ex(context, EVP_sha1(), nullptr) == 1;
    for (QByteArrayView part : parts)
        computed = computed && EVP_DigestUpdate(context, part.data(),
                                                static_cast<std::size_t>(part.size())) == 1;
    computed = computed && EVP_DigestFinal_ex(context, digest, &length) == 1;
    EVP_MD_CTX_free(context);
    return computed && bytesOf(*content) == QByteArray(reinterpret_cast<const char*>(digest),
                                                       static_cast<qsizetype>(length));
}

// Runs the signed content through the digest BIOs OpenSSL sets up for the CMS, then lets it
// compare the result with the message-digest attribute (or verify the signature over it).
bool contentDigestMatches(CMS_ContentInfo* cms, CMS_SignerInfo* signerInfo,
                          const std::vector<QByteArrayView>& parts)
{
    if (parts.empty())
        return false;
    const bool detached = CMS_is_detached(cms) == 1;
    const openssl::Bio chain(CMS_dataInit(cms, nullptr));
    if (!chain)
        return false;
    if (detached) {
        // The detached content goes nowhere but through the digests.
        for (QByteArrayView part : parts)
            if (BIO_write(chain.get(), part.data(), static_cast<int>(part.size())) !=
                static_cast<int>(part.size()))
                return false;
    } else {
        // Reading the encapsulated content through the chain is what feeds the digests.
        char buffer[4096];
        while (BIO_read(chain.get(), buffer, sizeof buffer) > 0)
            continue;
        if (!encapsulatesSha1Of(cms, parts))
            return false;
    }
    return CMS_SignerInfo_verify_content(signerInfo, chain.get()) == 1;
}

// signing-certificate-v2 binds the signature to the signer's certificate by its hash.
bool signingCertificateV2Names(CMS_SignerInfo* signerInfo, X509* signer,
                               STACK_OF(X509) * certificates)
{
    const QByteArray der =
        bytesOf(signedAttribute(signerInfo, NID_id_smime_aa_signingCertificateV2, V_ASN1_SEQUENCE));
    const auto* bytes = reinterpret_cast<const unsigned char*>(der.constData());
    const SigningCertificateV2 attribute(
        d2i_ESS_SIGNING_CERT_V2(nullptr, &bytes, static_cast<long>(der.size())));
    if (!attribute)
        return false;
    // The signer's certificate first, as the attribute's first entry must name it.
    STACK_OF(X509)* chain = sk_X509_new_null();
    sk_X509_push(chain, signer);
    for (int index = 0; index < sk_X509_num(certificates); ++index)
        sk_X509_push(chain, sk_X509_value(certificates, index));
    const bool matches = OSSL_ESS_check_signing_certs(nullptr, attribute.get(), chain, 1) == 1;
    sk_X509_free(chain); // borrowed certificates: free only the stack
    return matches;
}

} // namespace

CmsSignatureFacts CmsSignatureCheck::check(const QByteArray& container,
                                           const std::vector<QByteArrayView>& signedParts)
{
    CmsSignatureFacts facts;
    const auto* bytes = reinterpret_cast<const unsigned char*>(container.constData());
    const openssl::Cms cms(
        d2i_CMS_ContentInfo(nullptr, &bytes, static_cast<long>(container.size())));
    STACK_OF(CMS_SignerInfo)* signerInfos = cms ? CMS_get0_SignerInfos(cms.get()) : nullptr;
    // PAdES and PDF allow exactly one signer per signature.
    if (!signerInfos || sk_CMS_SignerInfo_num(signerInfos) != 1) {
        ERR_clear_error();
        return facts;
    }
    CMS_SignerInfo* signerInfo = sk_CMS_SignerInfo_value(signerInfos, 0);
    facts.certificates.reset(CMS_get1_certs(cms.get()));
    facts.digestAlgorithm = digestName(signerInfo);
    // Finds the signer's certificate among those carried and attaches its key to the signer.
    if (CMS_set1_signers_certs(cms.get(), nullptr, 0) == 1) {
        X509* signer = nullptr;
        CMS_SignerInfo_get0_algs(signerInfo, nullptr, &signer, nullptr, nullptr);
        if (signer && X509_up_ref(signer) == 1)
            facts.signer.reset(signer);
    }
    if (!facts.signer) {
        ERR_clear_error();
        return facts;
    }

    facts.hasSignedAttributes = CMS_signed_get_attr_count(signerInfo) > 0;
    facts.digestMatches = contentDigestMatches(cms.get(), signerInfo, signedParts);
    // Without signed attributes the signature is over the content: checked with the digest.
    facts.signatureVerifies =
        facts.hasSignedAttributes ? CMS_SignerInfo_verify(signerInfo) == 1 : facts.digestMatches;
    facts.hasSigningTime = CMS_signed_get_attr_by_NID(signerInfo, NID_pkcs9_signingTime, -1) >= 0;
    facts.signingCertificateV2Matches =
        signingCertificateV2Names(signerInfo, facts.signer.get(), facts.certificates.get());
    facts.signatureValue = bytesOf(CMS_SignerInfo_get0_signature(signerInfo));
    facts.timeStampToken = bytesOf(static_cast<const ASN1_STRING*>(CMS_unsigned_get0_data_by_OBJ(
        signerInfo, OBJ_nid2obj(NID_id_smime_aa_timeStampToken), -3, V_ASN1_SEQUENCE)));
    ERR_clear_error();
    return facts;
}

} // namespace sohoa::signing
