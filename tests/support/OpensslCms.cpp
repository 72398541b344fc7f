// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/OpensslCms.h"

#include "support/ToolRunner.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <memory>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <stdexcept>

namespace sohoa::testing {

namespace {

struct Deleters
{
    void operator()(CMS_ContentInfo* cms) const { CMS_ContentInfo_free(cms); }
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
    void operator()(BIO* bio) const { BIO_free(bio); }
};
using Cms = std::unique_ptr<CMS_ContentInfo, Deleters>;
using Key = std::unique_ptr<EVP_PKEY, Deleters>;
using Bio = std::unique_ptr<BIO, Deleters>;

void check(bool ok, const char* what)
{
    if (!ok)
        throw std::runtime_error(std::string("openssl CMS fixture: ") + what);
}

// Files for the command line tools, in a directory that lives as long as this object.
class Scratch
{
public:
    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = directory_.filePath(name);
        QFile file(path);
        check(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size(), "write");
        return path;
    }
    QString path(const QString& name) const { return directory_.filePath(name); }
    QByteArray read(const QString& name) const
    {
        QFile file(path(name));
        check(file.open(QIODevice::ReadOnly), "read");
        return file.readAll();
    }

private:
    QTemporaryDir directory_;
};

void run(const QStringList& arguments)
{
    const ToolResult result = runTool(QStringLiteral("openssl"), arguments);
    if (result.exitCode != 0)
        throw std::runtime_error("openssl " + arguments.join(QLatin1Char(' ')).toStdString() +
                                 ": " + result.err.toStdString());
}

Cms parse(const QByteArray& der)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(der.constData());
    Cms cms(d2i_CMS_ContentInfo(nullptr, &bytes, static_cast<long>(der.size())));
    check(cms && sk_CMS_SignerInfo_num(CMS_get0_SignerInfos(cms.get())) == 1, "parse");
    return cms;
}

CMS_SignerInfo* signerOf(const Cms& cms)
{
    return sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0);
}

QByteArray encode(const Cms& cms)
{
    unsigned char* bytes = nullptr;
    const int size = i2d_CMS_ContentInfo(cms.get(), &bytes);
    check(size > 0, "encode");
    QByteArray der(reinterpret_cast<const char*>(bytes), size);
    OPENSSL_free(bytes);
    return der;
}

QByteArray derLength(qsizetype length)
{
    QByteArray encoded;
    if (length < 0x80)
        return QByteArray(1, static_cast<char>(length));
    for (; length > 0; length >>= 8)
        encoded.prepend(static_cast<char>(length & 0xff));
    return static_cast<char>(0x80 | encoded.size()) + encoded;
}

// The signed attributes as the signature covers them: a DER SET OF, elements in byte order.
QByteArray signedAttributesDer(CMS_SignerInfo* signerInfo)
{
    QList<QByteArray> attributes;
    for (int index = 0; index < CMS_signed_get_attr_count(signerInfo); ++index) {
        unsigned char* bytes = nullptr;
        const int size = i2d_X509_ATTRIBUTE(CMS_signed_get_attr(signerInfo, index), &bytes);
        check(size > 0, "encode attribute");
        attributes.append(QByteArray(reinterpret_cast<const char*>(bytes), size));
        OPENSSL_free(bytes);
    }
    std::sort(attributes.begin(), attributes.end());
    const QByteArray content = attributes.join();
    return '\x31' + derLength(content.size()) + content;
}

QByteArray sha256Signature(const QByteArray& message, const QByteArray& privateKeyPem)
{
    Bio bio(BIO_new_mem_buf(privateKeyPem.constData(), static_cast<int>(privateKeyPem.size())));
    Key key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    check(key != nullptr, "read key");
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    std::size_t size = 0;
    const auto* input = reinterpret_cast<const unsigned char*>(message.constData());
    const auto length = static_cast<std::size_t>(message.size());
    bool ok = EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, key.get()) == 1 &&
              EVP_DigestSign(context, nullptr, &size, input, length) == 1;
    QByteArray signature(static_cast<qsizetype>(size), '\0');
    ok = ok && EVP_DigestSign(context, reinterpret_cast<unsigned char*>(signature.data()), &size,
                              input, length) == 1;
    EVP_MD_CTX_free(context);
    check(ok, "sign");
    signature.resize(static_cast<qsizetype>(size));
    return signature;
}

// `openssl cms -sign -binary -outform DER -nosmimecap` over `content`, with `options` added.
QByteArray cmsSign(const QByteArray& content, const IssuedCertificate& signer,
                   const QStringList& options, const QList<QByteArray>& extraCertificatesDer)
{
    Scratch scratch;
    QStringList arguments = {QStringLiteral("cms"),
                             QStringLiteral("-sign"),
                             QStringLiteral("-binary"),
                             QStringLiteral("-outform"),
                             QStringLiteral("DER"),
                             QStringLiteral("-nosmimecap"),
                             QStringLiteral("-in"),
                             scratch.write(QStringLiteral("data"), content),
                             QStringLiteral("-signer"),
                             scratch.write(QStringLiteral("signer.pem"),
                                           TestCertificateAuthority::toPem(signer.certificateDer)),
                             QStringLiteral("-inkey"),
                             scratch.write(QStringLiteral("key.pem"), signer.privateKeyPem),
                             QStringLiteral("-out"),
                             scratch.path(QStringLiteral("cms.der"))};
    if (!extraCertificatesDer.isEmpty()) {
        QByteArray pem;
        for (const QByteArray& certificate : extraCertificatesDer)
            pem += TestCertificateAuthority::toPem(certificate);
        arguments << QStringLiteral("-certfile") << scratch.write(QStringLiteral("extra.pem"), pem);
    }
    run(arguments + options);
    return scratch.read(QStringLiteral("cms.der"));
}

void removeSignedAttribute(CMS_SignerInfo* signerInfo, int nid)
{
    const int at = CMS_signed_get_attr_by_NID(signerInfo, nid, -1);
    check(at >= 0, "no such signed attribute");
    X509_ATTRIBUTE_free(CMS_signed_delete_attr(signerInfo, at));
}

// Signs the (changed) signed attributes again with `privateKeyPem`, as openssl would have.
QByteArray resigned(Cms& cms, const QByteArray& privateKeyPem)
{
    CMS_SignerInfo* signerInfo = signerOf(cms);
    const QByteArray signature = sha256Signature(signedAttributesDer(signerInfo), privateKeyPem);
    check(ASN1_STRING_set(CMS_SignerInfo_get0_signature(signerInfo), signature.constData(),
                          static_cast<int>(signature.size())) == 1,
          "set signature");
    // The new signature must verify before a test relies on it.
    check(CMS_set1_signers_certs(cms.get(), nullptr, 0) == 1 &&
              CMS_SignerInfo_verify(signerInfo) == 1,
          "re-signed attributes do not verify");
    return encode(cms);
}

} // namespace

QByteArray opensslCmsSign(const QByteArray& data, const IssuedCertificate& signer,
                          CmsAttributes attributes, const QList<QByteArray>& extraCertificatesDer)
{
    QStringList options = {QStringLiteral("-md"), QStringLiteral("sha256")};
    if (attributes == CmsAttributes::None)
        options << QStringLiteral("-noattr");
    else if (attributes == CmsAttributes::Cades)
        options << QStringLiteral("-cades");
    return cmsSign(data, signer, options, extraCertificatesDer);
}

QByteArray opensslSha1Pkcs7Sign(const QByteArray& data, const IssuedCertificate& signer)
{
    return cmsSign(QCryptographicHash::hash(data, QCryptographicHash::Sha1), signer,
                   {QStringLiteral("-md"), QStringLiteral("sha1"), QStringLiteral("-nodetach")},
                   {});
}

QByteArray withoutSigningTime(const QByteArray& cms, const QByteArray& privateKeyPem)
{
    Cms parsed = parse(cms);
    removeSignedAttribute(signerOf(parsed), NID_pkcs9_signingTime);
    return resigned(parsed, privateKeyPem);
}

QByteArray withSigningCertificateOf(const QByteArray& cms, const QByteArray& otherCms,
                                    const QByteArray& privateKeyPem)
{
    Cms parsed = parse(cms);
    const Cms other = parse(otherCms);
    CMS_SignerInfo* signerInfo = signerOf(parsed);
    const int nid = NID_id_smime_aa_signingCertificateV2;
    removeSignedAttribute(signerInfo, nid);
    const int at = CMS_signed_get_attr_by_NID(signerOf(other), nid, -1);
    check(at >= 0 &&
              CMS_signed_add1_attr(signerInfo, CMS_signed_get_attr(signerOf(other), at)) == 1,
          "copy signing-certificate-v2");
    return resigned(parsed, privateKeyPem);
}

QByteArray signatureValueOf(const QByteArray& cms)
{
    const Cms parsed = parse(cms);
    const ASN1_OCTET_STRING* value = CMS_SignerInfo_get0_signature(signerOf(parsed));
    return QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(value)),
                      ASN1_STRING_length(value));
}

QByteArray withSignatureTimeStamp(const QByteArray& cms, const QByteArray& token)
{
    Cms parsed = parse(cms);
    check(CMS_unsigned_add1_attr_by_NID(signerOf(parsed), NID_id_smime_aa_timeStampToken,
                                        V_ASN1_SEQUENCE, token.constData(),
                                        static_cast<int>(token.size())) == 1,
          "add time-stamp");
    return encode(parsed);
}

QByteArray opensslTimeStampToken(const QByteArray& data, const IssuedCertificate& authority)
{
    Scratch scratch;
    const QString serial = scratch.write(QStringLiteral("serial"), "01\n");
    const QString config = scratch.write(
        QStringLiteral("tsa.cnf"), "[ tsa ]\ndefault_tsa = tsa_config\n[ tsa_config ]\n"
                                   "serial = " +
                                       serial.toUtf8() +
                                       "\nsigner_digest = sha256\ndefault_policy = 1.2.3.4.1\n"
                                       "digests = sha256\naccuracy = secs:1\n"
                                       "ess_cert_id_alg = sha256\n");
    run({QStringLiteral("ts"), QStringLiteral("-query"), QStringLiteral("-data"),
         scratch.write(QStringLiteral("data"), data), QStringLiteral("-sha256"),
         QStringLiteral("-cert"), QStringLiteral("-no_nonce"), QStringLiteral("-out"),
         scratch.path(QStringLiteral("query.tsq"))});
    run({QStringLiteral("ts"), QStringLiteral("-reply"), QStringLiteral("-config"), config,
         QStringLiteral("-queryfile"), scratch.path(QStringLiteral("query.tsq")),
         QStringLiteral("-signer"),
         scratch.write(QStringLiteral("tsa.pem"),
                       TestCertificateAuthority::toPem(authority.certificateDer)),
         QStringLiteral("-inkey"),
         scratch.write(QStringLiteral("tsa.key"), authority.privateKeyPem),
         QStringLiteral("-token_out"), QStringLiteral("-out"),
         scratch.path(QStringLiteral("token.der"))});
    return scratch.read(QStringLiteral("token.der"));
}

QByteArray opensslBaselineB(const QByteArray& data, const IssuedCertificate& signer,
                            const QList<QByteArray>& extraCertificatesDer)
{
    return withoutSigningTime(
        opensslCmsSign(data, signer, CmsAttributes::Cades, extraCertificatesDer),
        signer.privateKeyPem);
}

QByteArray opensslBaselineT(const QByteArray& data, const IssuedCertificate& signer,
                            const IssuedCertificate& timeStampAuthority,
                            const QList<QByteArray>& extraCertificatesDer)
{
    const QByteArray cms = opensslBaselineB(data, signer, extraCertificatesDer);
    return withSignatureTimeStamp(cms,
                                  opensslTimeStampToken(signatureValueOf(cms), timeStampAuthority));
}

ToolResult opensslCmsVerify(const QByteArray& cms, const QByteArray& data,
                            const QByteArray& rootDer)
{
    Scratch files;
    return runTool(
        QStringLiteral("openssl"),
        {QStringLiteral("cms"), QStringLiteral("-verify"), QStringLiteral("-binary"),
         QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"),
         files.write(QStringLiteral("signature.p7s"), cms), QStringLiteral("-content"),
         files.write(QStringLiteral("data.bin"), data), QStringLiteral("-CAfile"),
         files.write(QStringLiteral("root.pem"), TestCertificateAuthority::toPem(rootDer)),
         QStringLiteral("-purpose"), QStringLiteral("any"), QStringLiteral("-out"),
         QStringLiteral("/dev/null")});
}

} // namespace sohoa::testing
