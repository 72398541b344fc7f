// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/SignatureVerdicts.h"

#include <algorithm>

namespace sohoa::signing {

SignatureVerdict SignatureVerdicts::of(const SignatureReport& report)
{
    if (!report.byteRangeWellFormed || !report.digestMatches || !report.signatureVerifies)
        return SignatureVerdict::Invalid;
    if (report.changesAfterSigning == ChangesAfterSigning::OtherModifications ||
        report.changesAfterSigning == ChangesAfterSigning::Unknown)
        return SignatureVerdict::Modified;
    if (report.certificate != CertificateStatus::Trusted)
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
    switch (report.verdict) {
    case SignatureVerdict::Invalid:
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
