// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/PdfSigner.h"

#include "domain/UserError.h"
#include "domain/VietnamTime.h"
#include "pdf/PdfSignatureProbe.h"
#include "pdf/PdfSignatureWriter.h"
#include "signing/CadesSignedData.h"
#include "signing/CertificateFacts.h"
#include "signing/DemoIdentity.h"
#include "signing/SignatureTimestamper.h"

namespace sohoa::usecases {

namespace {

// SignerInfo, attributes and signature: under 2 KiB for RSA-4096; a TSA's token with its
// certificate chain: a few KiB. Generous, since a placeholder can never grow.
constexpr qsizetype kSignerInfoReserve = 4096;
constexpr qsizetype kTimestampReserve = 12288;

} // namespace

PdfSigner::PdfSigner(signing::DigestSigner& signer, SigningSettings settings)
    : signer_(signer), settings_(std::move(settings))
{
}

qsizetype PdfSigner::cmsCapacityFor(const QList<QByteArray>& certificateChain)
{
    qsizetype capacity = kSignerInfoReserve + kTimestampReserve;
    for (const QByteArray& certificate : certificateChain)
        capacity += certificate.size();
    return capacity;
}

SignedPdf PdfSigner::sign(const QByteArray& pdf, const QString& name, const QDateTime& now) const
{
    const QList<QByteArray> chain = signer_.certificateChain();
    const auto facts =
        chain.isEmpty() ? std::nullopt : signing::CertificateFacts::read(chain.front());
    if (!facts)
        throw UserError(ErrorKind::InvalidInput, tr("The signing certificate cannot be read."));

    SignedPdf signedPdf;
    signedPdf.signerName = facts->subjectCommonName;
    signedPdf.signerCertificate = chain.front();
    signedPdf.testSignature = signing::DemoIdentity::isDemoCertificate(chain.front());
    // The stamp and /M show Vietnam time to the second, as the circular asks.
    signedPdf.signedAt = domain::inVietnamTime(now);
    signedPdf.signedAt = signedPdf.signedAt.addMSecs(-signedPdf.signedAt.time().msec());

    // The stamp is part of the document, so it is in Vietnamese whatever the UI language.
    pdf::SignatureRequest request;
    request.stamp.lines = {
        settings_.agencyName.isEmpty() ? facts->subjectOrganization : settings_.agencyName,
        QStringLiteral("Ký bởi: %1").arg(signedPdf.signerName),
        QStringLiteral("Thời gian ký: %1").arg(signedPdf.signedAt.toString(Qt::ISODate))};
    if (signedPdf.testSignature)
        request.stamp.lines.append(signing::DemoIdentity::marker());
    request.stamp.fontFile = settings_.fontFile;
    request.signingTime = signedPdf.signedAt;
    request.cmsCapacity = cmsCapacityFor(chain);

    const pdf::PreparedSignature prepared = pdf::PdfSignatureWriter::prepare(pdf, request, name);
    QByteArray cms = signing::CadesSignedData::create(prepared.sha256(), signer_);
    signedPdf.level = QStringLiteral("PAdES-B-B");
    signedPdf.timestampStatus = QStringLiteral("none");
    if (!settings_.timestampServer.isEmpty()) {
        const signing::TimestampedCms stamped = signing::SignatureTimestamper::addTimestamp(
            cms, signing::TimestampClient(settings_.timestampServer));
        cms = stamped.cms;
        if (stamped.timestamp.token) {
            signedPdf.level = QStringLiteral("PAdES-B-T");
            signedPdf.timestampStatus = QStringLiteral("stamped");
        } else {
            signedPdf.timestampStatus = QStringLiteral("awaiting");
            signedPdf.offlineReason = stamped.timestamp.offlineReason;
        }
    }
    signedPdf.pdf = prepared.withSignature(cms);
    const auto signatures = pdf::PdfSignatureProbe::signaturesIn(signedPdf.pdf, name);
    if (!signatures.empty())
        signedPdf.fieldName = signatures.back().fieldName;
    return signedPdf;
}

} // namespace sohoa::usecases
