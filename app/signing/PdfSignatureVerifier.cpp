// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/PdfSignatureVerifier.h"

#include "pdf/PdfSignatureProbe.h"
#include "signing/CertificateFields.h"
#include "signing/CmsSignatureCheck.h"
#include "signing/RevisionComparison.h"
#include "signing/RevocationChecker.h"
#include "signing/SignatureTimeStampCheck.h"
#include "signing/SignatureVerdicts.h"
#include "signing/SignedByteRange.h"
#include "signing/TrustAnchors.h"

#include <algorithm>

namespace sohoa::signing {

namespace {

constexpr QLatin1String kCadesDetached("ETSI.CAdES.detached");

PadesLevel padesLevel(const QString& subFilter, const CmsSignatureFacts& cms,
                      const SignatureTimeStamp& timeStamp)
{
    const bool baselineB = subFilter == kCadesDetached && cms.hasSignedAttributes &&
                           cms.signingCertificateV2Matches && !cms.hasSigningTime;
    if (!baselineB)
        return PadesLevel::None;
    return timeStamp.valid ? PadesLevel::BaselineT : PadesLevel::BaselineB;
}

qint64 endOfRange(const pdf::PdfSignature& signature)
{
    const auto& range = signature.byteRange;
    return range.size() >= 2 ? range[range.size() - 2] + range.back() : 0;
}

// A valid time-stamp's time, else the claimed /M, else now.
void chooseValidationTime(SignatureReport& report)
{
    if (report.timeStamp.valid) {
        report.validationTime = report.timeStamp.time;
        report.validationTimeSource = ValidationTimeSource::TimeStamp;
    } else if (report.claimedSigningTime.isValid()) {
        report.validationTime = report.claimedSigningTime;
        report.validationTimeSource = ValidationTimeSource::ClaimedTime;
    } else {
        report.validationTime = QDateTime::currentDateTimeUtc();
        report.validationTimeSource = ValidationTimeSource::Now;
    }
}

ChangesAfterSigning changesAfter(const SignedByteRange& range, const QByteArray& pdf)
{
    if (!range.wellFormed())
        return ChangesAfterSigning::Unknown;
    if (range.end() == pdf.size())
        return ChangesAfterSigning::None;
    return RevisionComparison::changesAfter(pdf.left(range.end()), pdf);
}

// `revocation` null: not asked.
SignatureReport verifySignature(const QByteArray& pdf, const pdf::PdfSignature& signature,
                                const TrustAnchors& anchors, const RevocationChecker* revocation)
{
    SignatureReport report;
    report.fieldName = signature.fieldName;
    report.subFilter = signature.subFilter;
    report.claimedSigningTime = signature.signingTime;
    report.byteRange = signature.byteRange;

    const SignedByteRange range(pdf, signature.byteRange, signature.contents);
    report.byteRangeWellFormed = range.wellFormed();
    const CmsSignatureFacts cms = CmsSignatureCheck::check(signature.contents, range.parts());
    report.signer = describeCertificate(cms.signer.get());
    report.digestAlgorithm = cms.digestAlgorithm;
    report.digestMatches = cms.digestMatches;
    report.signatureVerifies = cms.signatureVerifies;

    report.timeStamp =
        SignatureTimeStampCheck::check(cms.timeStampToken, cms.signatureValue, anchors);
    chooseValidationTime(report);
    const TrustAnchors::ChainCheck chain =
        cms.signer
            ? anchors.checkChain(cms.signer.get(), cms.certificates.get(), report.validationTime)
            : TrustAnchors::ChainCheck{};
    report.certificate = chain.status;
    // An untrusted chain stays NotChecked: whoever made it could answer for it as well.
    if (revocation && chain.chain)
        report.revocation = revocation->check(chain.chain.get());

    report.coversWholeDocument = range.wellFormed() && range.end() == pdf.size();
    report.changesAfterSigning = changesAfter(range, pdf);
    report.padesLevel = padesLevel(report.subFilter, cms, report.timeStamp);
    report.verdict = SignatureVerdicts::of(report);
    report.message = SignatureVerdicts::message(report);
    return report;
}

} // namespace

PdfSignatureVerifier::PdfSignatureVerifier(const QList<QByteArray>& trustAnchorsDer,
                                           VerificationOptions options)
    : anchors_(std::make_unique<TrustAnchors>(trustAnchorsDer))
{
    if (options.checkRevocation)
        revocation_ = std::make_unique<RevocationChecker>(*anchors_, options.timeout);
}

PdfSignatureVerifier::~PdfSignatureVerifier() = default;

DocumentSignatureReport PdfSignatureVerifier::verify(const QByteArray& pdf,
                                                     const QString& name) const
{
    std::vector<pdf::PdfSignature> found = pdf::PdfSignatureProbe::signaturesIn(pdf, name);
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return endOfRange(a) < endOfRange(b); });
    DocumentSignatureReport document;
    for (const pdf::PdfSignature& signature : found)
        document.signatures.push_back(
            verifySignature(pdf, signature, *anchors_, revocation_.get()));
    document.verdict = SignatureVerdicts::of(document.signatures);
    document.message = SignatureVerdicts::message(document);
    return document;
}

} // namespace sohoa::signing
