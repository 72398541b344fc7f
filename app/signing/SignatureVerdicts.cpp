// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/SignatureVerdicts.h"

#include <QLocale>
#include <algorithm>

namespace sohoa::signing {

namespace {

bool broken(const SignatureReport& report)
{
    return !report.byteRangeWellFormed || !report.digestMatches || !report.signatureVerifies;
}

// What a revocation means for the signature, after ETSI EN 319 102-1: only a proof that the
// signature existed before the revocation (a valid time-stamp older than it) keeps it valid;
// a signer claiming a signing time after it signed with a revoked certificate (TOTAL-FAILED/
// REVOKED); otherwise nothing shows which came first (INDETERMINATE/REVOKED_NO_POE). A time-stamp
// added later, as the queue does, proves nothing about the time before it.
enum class RevocationEffect
{
    None,            // not checked, or good
    Unknown,         // no trusted answer
    RevokedLater,    // revoked after a time-stamp proved the signature existed
    RevokedNoProof,  // revoked, and nothing proves the signature older
    RevokedAtSigning // revoked at or before the signing time the signature claims
};

RevocationEffect effectOf(const SignatureReport& report)
{
    const Revocation& revocation = report.revocation;
    if (revocation.status == RevocationStatus::Unknown)
        return RevocationEffect::Unknown;
    if (revocation.status != RevocationStatus::Revoked)
        return RevocationEffect::None;
    const QDateTime& revokedAt = revocation.revokedAt;
    if (!revokedAt.isValid())
        return RevocationEffect::RevokedNoProof;
    if (report.timeStamp.valid && report.timeStamp.time < revokedAt)
        return RevocationEffect::RevokedLater;
    if (report.claimedSigningTime.isValid() && report.claimedSigningTime >= revokedAt)
        return RevocationEffect::RevokedAtSigning;
    return RevocationEffect::RevokedNoProof;
}

QString revocationTime(const Revocation& revocation)
{
    return QLocale().toString(revocation.revokedAt.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

SignatureVerdict SignatureVerdicts::of(const SignatureReport& report)
{
    if (broken(report))
        return SignatureVerdict::Invalid;
    const RevocationEffect revocation = effectOf(report);
    if (revocation == RevocationEffect::RevokedAtSigning)
        return SignatureVerdict::Invalid;
    if (report.changesAfterSigning == ChangesAfterSigning::OtherModifications ||
        report.changesAfterSigning == ChangesAfterSigning::Unknown)
        return SignatureVerdict::Modified;
    if (report.certificate != CertificateStatus::Trusted ||
        revocation == RevocationEffect::Unknown || revocation == RevocationEffect::RevokedNoProof)
        return SignatureVerdict::Indeterminate;
    return SignatureVerdict::Valid;
}

DocumentVerdict SignatureVerdicts::of(const std::vector<SignatureReport>& signatures)
{
    if (signatures.empty())
        return DocumentVerdict::Unsigned;
    const auto worst = std::min_element(
        signatures.begin(), signatures.end(),
        [](const SignatureReport& a, const SignatureReport& b) { return a.verdict < b.verdict; });
    switch (worst->verdict) {
    case SignatureVerdict::Invalid:
        return DocumentVerdict::Invalid;
    case SignatureVerdict::Modified:
        return DocumentVerdict::Modified;
    case SignatureVerdict::Indeterminate:
        return DocumentVerdict::Indeterminate;
    case SignatureVerdict::Valid:
        break;
    }
    return DocumentVerdict::Valid;
}

QString SignatureVerdicts::message(const SignatureReport& report)
{
    const QString signer =
        report.signer.commonName.isEmpty() ? tr("an unknown signer") : report.signer.commonName;
    const RevocationEffect revocation = effectOf(report);
    switch (report.verdict) {
    case SignatureVerdict::Invalid:
        if (!broken(report))
            return tr("The certificate of %1 had been revoked on %2, before the signing time the "
                      "signature gives. Do not rely on this document.")
                .arg(signer, revocationTime(report.revocation));
        return tr("The signature of %1 is broken: the signed content or the signature does not "
                  "match. Do not rely on this document.")
            .arg(signer);
    case SignatureVerdict::Modified:
        return tr("%1 signed an earlier version; the document was changed afterwards. Ask the "
                  "sender for the signed original.")
            .arg(signer);
    case SignatureVerdict::Indeterminate:
        break;
    case SignatureVerdict::Valid:
        if (revocation == RevocationEffect::RevokedLater)
            return tr("Valid signature of %1, time-stamped before its certificate was revoked on "
                      "%2.")
                .arg(signer, revocationTime(report.revocation));
        return report.changesAfterSigning == ChangesAfterSigning::FurtherSignaturesOnly
                   ? tr("Valid signature of %1; only further signatures were added after it.")
                         .arg(signer)
                   : tr("Valid signature of %1; the document is unchanged since.").arg(signer);
    }
    switch (report.certificate) {
    case CertificateStatus::UntrustedRoot:
        return tr("The signature of %1 is intact, but its certificate does not come from a "
                  "trusted authority; import the authority's root certificate if you trust it.")
            .arg(signer);
    case CertificateStatus::Expired:
        return tr("The signature of %1 is intact, but its certificate had expired at the "
                  "signing time.")
            .arg(signer);
    case CertificateStatus::NotYetValid:
        return tr("The signature of %1 is intact, but its certificate was not yet valid at the "
                  "signing time.")
            .arg(signer);
    case CertificateStatus::NotForSigning:
        return tr("The signature of %1 is intact, but its certificate is not meant for signing.")
            .arg(signer);
    case CertificateStatus::Trusted:
        if (revocation == RevocationEffect::Unknown)
            return tr("The signature of %1 is intact, but whether its certificate was revoked "
                      "cannot be checked. %2")
                .arg(signer, report.revocation.detail);
        if (revocation == RevocationEffect::RevokedNoProof)
            return tr("The signature of %1 is intact, but its certificate was revoked on %2 and "
                      "no trusted time-stamp proves the signature older.")
                .arg(signer, revocationTime(report.revocation));
        break;
    case CertificateStatus::Invalid:
        break;
    }
    return tr("The signature of %1 is intact, but its certificate chain cannot be verified.")
        .arg(signer);
}

QString SignatureVerdicts::message(const DocumentSignatureReport& document)
{
    switch (document.verdict) {
    case DocumentVerdict::Unsigned:
        return tr("The document carries no digital signature.");
    case DocumentVerdict::Invalid:
        if (std::none_of(document.signatures.begin(), document.signatures.end(), broken))
            return tr("A signer's certificate had been revoked when it signed; do not rely on "
                      "this document.");
        return tr("At least one signature is broken; do not rely on this document.");
    case DocumentVerdict::Modified:
        return tr("The document was changed after it was signed; ask the sender for the signed "
                  "original.");
    case DocumentVerdict::Indeterminate:
        return tr("The signatures are intact, but a signer's certificate cannot be trusted; see "
                  "each signature.");
    case DocumentVerdict::Valid:
        break;
    }
    return tr("All %n signature(s) are valid.", nullptr,
              static_cast<int>(document.signatures.size()));
}

} // namespace sohoa::signing
