// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/PdfSignatureReportJson.h"

#include <QJsonArray>

namespace sohoa::signing {

namespace {

QJsonValue timeJson(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toString(Qt::ISODate)) : QJsonValue();
}

QString name(CertificateStatus status)
{
    switch (status) {
    case CertificateStatus::Trusted:
        return QStringLiteral("trusted");
    case CertificateStatus::UntrustedRoot:
        return QStringLiteral("untrusted-root");
    case CertificateStatus::Expired:
        return QStringLiteral("expired");
    case CertificateStatus::NotYetValid:
        return QStringLiteral("not-yet-valid");
    case CertificateStatus::NotForSigning:
        return QStringLiteral("not-for-signing");
    case CertificateStatus::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

QString name(RevocationStatus status)
{
    switch (status) {
    case RevocationStatus::Good:
        return QStringLiteral("good");
    case RevocationStatus::Revoked:
        return QStringLiteral("revoked");
    case RevocationStatus::Unknown:
        return QStringLiteral("unknown");
    case RevocationStatus::NotChecked:
        break;
    }
    return QStringLiteral("not-checked");
}

QJsonValue name(RevocationSource source)
{
    switch (source) {
    case RevocationSource::Ocsp:
        return QStringLiteral("ocsp");
    case RevocationSource::Crl:
        return QStringLiteral("crl");
    case RevocationSource::None:
        break;
    }
    return QJsonValue();
}

// Only the keys the status has: `revocation` always, the others for good, revoked, unknown.
void addRevocation(QJsonObject& json, const Revocation& revocation)
{
    json.insert(QStringLiteral("revocation"), name(revocation.status));
    switch (revocation.status) {
    case RevocationStatus::Revoked:
        json.insert(QStringLiteral("revoked_at"), timeJson(revocation.revokedAt));
        json.insert(QStringLiteral("revocation_reason"), revocation.reason);
        json.insert(QStringLiteral("revocation_source"), name(revocation.source));
        break;
    case RevocationStatus::Good:
        json.insert(QStringLiteral("revocation_source"), name(revocation.source));
        break;
    case RevocationStatus::Unknown:
        json.insert(QStringLiteral("revocation_detail"), revocation.detail);
        break;
    case RevocationStatus::NotChecked:
        break;
    }
}

QString name(ChangesAfterSigning changes)
{
    switch (changes) {
    case ChangesAfterSigning::None:
        return QStringLiteral("none");
    case ChangesAfterSigning::FurtherSignaturesOnly:
        return QStringLiteral("signatures-only");
    case ChangesAfterSigning::OtherModifications:
        return QStringLiteral("other");
    case ChangesAfterSigning::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString name(PadesLevel level)
{
    switch (level) {
    case PadesLevel::BaselineB:
        return QStringLiteral("PAdES B-B");
    case PadesLevel::BaselineT:
        return QStringLiteral("PAdES B-T");
    case PadesLevel::None:
        break;
    }
    return QStringLiteral("none");
}

QString name(ValidationTimeSource source)
{
    switch (source) {
    case ValidationTimeSource::TimeStamp:
        return QStringLiteral("timestamp");
    case ValidationTimeSource::ClaimedTime:
        return QStringLiteral("claimed");
    case ValidationTimeSource::Now:
        break;
    }
    return QStringLiteral("now");
}

QString name(SignatureVerdict verdict)
{
    switch (verdict) {
    case SignatureVerdict::Valid:
        return QStringLiteral("valid");
    case SignatureVerdict::Indeterminate:
        return QStringLiteral("indeterminate");
    case SignatureVerdict::Modified:
        return QStringLiteral("modified");
    case SignatureVerdict::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

QString name(DocumentVerdict verdict)
{
    switch (verdict) {
    case DocumentVerdict::Unsigned:
        return QStringLiteral("unsigned");
    case DocumentVerdict::Valid:
        return QStringLiteral("valid");
    case DocumentVerdict::Indeterminate:
        return QStringLiteral("indeterminate");
    case DocumentVerdict::Modified:
        return QStringLiteral("modified");
    case DocumentVerdict::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

QJsonObject signerJson(const SignerCertificate& signer)
{
    return QJsonObject{{"common_name", signer.commonName},
                       {"organization", signer.organization},
                       {"issuer", signer.issuer},
                       {"serial_number", signer.serialNumber},
                       {"not_before", timeJson(signer.notBefore)},
                       {"not_after", timeJson(signer.notAfter)}};
}

QJsonObject signatureJson(const SignatureReport& signature)
{
    QJsonArray byteRange;
    for (qint64 value : signature.byteRange)
        byteRange.append(value);
    QJsonObject json{{"field", signature.fieldName},
                     {"sub_filter", signature.subFilter},
                     {"claimed_signing_time", timeJson(signature.claimedSigningTime)},
                     {"signer", signerJson(signature.signer)},
                     {"byte_range", byteRange},
                     {"byte_range_ok", signature.byteRangeWellFormed},
                     {"digest_algorithm", signature.digestAlgorithm},
                     {"digest_ok", signature.digestMatches},
                     {"signature_ok", signature.signatureVerifies},
                     {"timestamp", QJsonObject{{"present", signature.timeStamp.present},
                                               {"valid", signature.timeStamp.valid},
                                               {"time", timeJson(signature.timeStamp.time)}}},
                     {"validation_time", timeJson(signature.validationTime)},
                     {"validation_time_source", name(signature.validationTimeSource)},
                     {"certificate", name(signature.certificate)},
                     {"covers_whole_document", signature.coversWholeDocument},
                     {"changes_after_signing", name(signature.changesAfterSigning)},
                     {"pades_level", name(signature.padesLevel)},
                     {"verdict", name(signature.verdict)},
                     {"message", signature.message}};
    addRevocation(json, signature.revocation);
    return json;
}

} // namespace

QJsonObject toJson(const DocumentSignatureReport& report)
{
    QJsonArray signatures;
    for (const SignatureReport& signature : report.signatures)
        signatures.append(signatureJson(signature));
    return QJsonObject{
        {"verdict", name(report.verdict)}, {"message", report.message}, {"signatures", signatures}};
}

QString verdictName(DocumentVerdict verdict)
{
    return name(verdict);
}

} // namespace sohoa::signing
