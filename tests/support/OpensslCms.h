// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "support/TestCertificateAuthority.h"
#include "support/ToolRunner.h"

#include <QByteArray>
#include <QList>

namespace sohoa::testing {

// Signature containers for signed-PDF fixtures, made by the openssl command line independently
// of SoHoa's own signer, and changed in process with libcrypto only where the command line
// cannot make what PAdES asks for.

enum class CmsAttributes
{
    Default, // openssl cms's own signed attributes: content type, signing time, message digest
    None,    // -noattr: no signed attributes, the signature is over the content itself
    Cades,   // -cades: adds signing-certificate-v2 to the defaults (signing time stays)
};

// `openssl cms -sign -binary -outform DER -nosmimecap -md sha256`: a detached SHA-256 CMS
// SignedData over `data`, carrying the signer's certificate and `extraCertificatesDer`.
// Throws std::runtime_error.
QByteArray opensslCmsSign(const QByteArray& data, const IssuedCertificate& signer,
                          CmsAttributes attributes,
                          const QList<QByteArray>& extraCertificatesDer = {});

// The CMS with its signingTime attribute removed and the signed attributes signed again with
// `privateKeyPem`: PAdES B-B forbids signingTime, and openssl cms always adds one.
QByteArray withoutSigningTime(const QByteArray& cms, const QByteArray& privateKeyPem);

// adbe.pkcs7.sha1: `openssl cms -sign -nodetach -md sha1` over the SHA-1 digest of `data`, the
// signed content encapsulated in the CMS. Throws std::runtime_error.
QByteArray opensslSha1Pkcs7Sign(const QByteArray& data, const IssuedCertificate& signer);

// The CMS with the signing-certificate-v2 attribute of `otherCms` (which names another
// certificate) in place of its own, signed again with `privateKeyPem`.
QByteArray withSigningCertificateOf(const QByteArray& cms, const QByteArray& otherCms,
                                    const QByteArray& privateKeyPem);

// SignerInfo.signature of the CMS's signer: what a signature time-stamp covers.
QByteArray signatureValueOf(const QByteArray& cms);

// The CMS with `token` as its signature time-stamp (the unsigned attribute
// id-aa-signatureTimeStampToken).
QByteArray withSignatureTimeStamp(const QByteArray& cms, const QByteArray& token);

// `openssl ts -query` and `openssl ts -reply -token_out`: an RFC 3161 time-stamp token over the
// SHA-256 of `data`, signed by `authority` (a certificate for timeStamping) and carrying it.
QByteArray opensslTimeStampToken(const QByteArray& data, const IssuedCertificate& authority);

// PAdES B-B from the command line: opensslCmsSign with CmsAttributes::Cades, then
// withoutSigningTime.
QByteArray opensslBaselineB(const QByteArray& data, const IssuedCertificate& signer,
                            const QList<QByteArray>& extraCertificatesDer = {});
// B-B plus a signature time-stamp over its signature value from `timeStampAuthority`.
QByteArray opensslBaselineT(const QByteArray& data, const IssuedCertificate& signer,
                            const IssuedCertificate& timeStampAuthority,
                            const QList<QByteArray>& extraCertificatesDer = {});

// `openssl cms -verify -binary` of the detached container `cms` over `data`, trusting only
// `rootDer`: the independent check of SoHoa's own CMS.
ToolResult opensslCmsVerify(const QByteArray& cms, const QByteArray& data,
                            const QByteArray& rootDer);

} // namespace sohoa::testing
