// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <vector>

namespace sohoa::signing {

// The signer's certificate chain, judged at the validation time against the trust anchors.
enum class CertificateStatus
{
    Trusted,
    UntrustedRoot, // the chain ends at a certificate that is not a trust anchor
    Expired,       // a certificate of the chain had expired at the validation time
    NotYetValid,   // a certificate of the chain was not yet valid at the validation time
    NotForSigning, // the signer's key usage has neither digitalSignature nor nonRepudiation
    Invalid,       // no signer certificate, or a chain OpenSSL rejects for another reason
};

// Whether the certificates of the signer's chain below the trust anchor were revoked, as their
// CA's OCSP responder or CRL says now.
enum class RevocationStatus
{
    NotChecked, // not asked (offline verification), or the chain is not trusted anyway
    Good,       // every certificate below the anchor has a trusted "not revoked" answer
    Revoked,    // a certificate of the chain is revoked (the first one found)
    Unknown,    // no OCSP URL nor CRL point, no answer in time, or an answer not to be trusted
};

// Who gave the answer that decided a Good or Revoked status.
enum class RevocationSource
{
    None,
    Ocsp,
    Crl,
};

struct Revocation
{
    RevocationStatus status = RevocationStatus::NotChecked;
    RevocationSource source = RevocationSource::None;
    QDateTime revokedAt; // Revoked: the revocation time the CA gives
    QString reason;      // Revoked: the RFC 5280 CRLReason, e.g. "keyCompromise"; may be empty
    QString detail;      // Unknown (or not checked): why, for people, in the user's language
};

// What the revisions appended after the signed one change.
enum class ChangesAfterSigning
{
    None,                  // the signature covers the whole file, or the updates change nothing
    FurtherSignaturesOnly, // new signature fields, their widgets and appearances, nothing else
    OtherModifications,    // content, pages or any other object changed or added
    Unknown,               // the signed revision cannot be cut out (the /ByteRange is broken)
};

enum class PadesLevel
{
    None,      // adbe.pkcs7.*, or CAdES without the attributes baseline B requires
    BaselineB, // ETSI.CAdES.detached, signing-certificate-v2, no signingTime attribute
    BaselineT, // B-B plus a valid signature time-stamp over the signature value
};

// Where the time the certificates were judged at comes from.
enum class ValidationTimeSource
{
    TimeStamp,   // the genTime of a valid signature time-stamp
    ClaimedTime, // the signature dictionary's /M, as the signer claims it
    Now,         // neither is available
};

// Worst first: a signature takes the first verdict that applies.
enum class SignatureVerdict
{
    Invalid,       // broken /ByteRange, digest mismatch, a CMS signature that fails, or a
                   // certificate already revoked at the signing time
    Modified,      // intact, but later revisions change more than further signatures
    Indeterminate, // intact and unmodified, but the certificate chain is not trusted, its
                   // revocation status is unknown, or it was revoked and no time-stamp proves
                   // the signature older than that
    Valid,
};

enum class DocumentVerdict
{
    Invalid,
    Modified,
    Indeterminate,
    Valid,
    Unsigned, // the file holds no signature
};

struct SignerCertificate
{
    QString commonName;
    QString organization;
    QString issuer;       // RFC 2253 distinguished name, UTF-8
    QString serialNumber; // hexadecimal
    QDateTime notBefore;
    QDateTime notAfter;
};

struct SignatureTimeStamp
{
    bool present = false;
    bool valid = false; // signed by a TSA chaining to a trust anchor, imprint of the signature
    QDateTime time;     // genTime; invalid when absent or unreadable
};

struct SignatureReport
{
    QString fieldName;
    QString subFilter;
    QDateTime claimedSigningTime; // /M; invalid when absent
    std::vector<qint64> byteRange;
    SignerCertificate signer; // empty when the CMS names no certificate it carries
    QString digestAlgorithm;  // e.g. "SHA256"

    // Starts at 0, the gap is exactly the /Contents hex string, the ranges lie in the file.
    bool byteRangeWellFormed = false;
    // The digest of the ranges equals the message-digest attribute (without signed attributes:
    // the signature verifies over the ranges directly).
    bool digestMatches = false;
    // The signer info's signature verifies over the signed attributes with the signer's key.
    bool signatureVerifies = false;

    SignatureTimeStamp timeStamp;
    QDateTime validationTime;
    ValidationTimeSource validationTimeSource = ValidationTimeSource::Now;
    CertificateStatus certificate = CertificateStatus::Invalid;
    Revocation revocation;

    bool coversWholeDocument = false;
    ChangesAfterSigning changesAfterSigning = ChangesAfterSigning::Unknown;
    PadesLevel padesLevel = PadesLevel::None;

    SignatureVerdict verdict = SignatureVerdict::Invalid;
    QString message; // one line for the officer, in the user's language
};

struct DocumentSignatureReport
{
    std::vector<SignatureReport> signatures; // in signing order (by the end of the byte range)
    DocumentVerdict verdict = DocumentVerdict::Unsigned;
    QString message; // one line for the officer, in the user's language
};

} // namespace sohoa::signing
