// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/PdfSignatureReport.h"

#include <QJsonObject>

namespace sohoa::signing {

// The JSON that `sohoa-cli verify FILE.pdf --json` prints. Keys and enumerated values are
// stable English; "message" texts are for people, in the user's language. Times are ISO 8601
// (UTC "Z" or with the offset written in the file), null when unknown.
//
// {
//   "verdict": "valid" | "indeterminate" | "modified" | "invalid" | "unsigned",
//   "message": text,
//   "signatures": [ {                       // in signing order; [] when there is none
//     "field": qualified field name,
//     "sub_filter": e.g. "ETSI.CAdES.detached",
//     "claimed_signing_time": /M,
//     "signer": { "common_name", "organization", "issuer" (RFC 2253), "serial_number" (hex),
//                 "not_before", "not_after" },
//     "byte_range": [offset, length, offset, length],
//     "byte_range_ok": bool,                // [0 a b c], gap = /Contents, inside the file
//     "digest_algorithm": e.g. "SHA256",
//     "digest_ok": bool,                    // digest over the ranges = message-digest
//     "signature_ok": bool,                 // CMS signer info signature verifies
//     "timestamp": { "present": bool, "valid": bool, "time": genTime },
//     "validation_time": time the certificates were judged at,
//     "validation_time_source": "timestamp" | "claimed" | "now",
//     "certificate": "trusted" | "untrusted-root" | "expired" | "not-yet-valid" |
//                    "not-for-signing" | "invalid",
//     "revocation": "not-checked" | "good" | "revoked" | "unknown",
//     "revoked_at": time, "revocation_reason": RFC 5280 CRLReason or "",  // revoked only
//     "revocation_source": "ocsp" | "crl",  // good and revoked only
//     "revocation_detail": text,            // unknown only: why no answer counts
//     "covers_whole_document": bool,
//     "changes_after_signing": "none" | "signatures-only" | "other" | "unknown",
//     "pades_level": "PAdES B-B" | "PAdES B-T" | "none",
//     "verdict": "valid" | "indeterminate" | "modified" | "invalid",
//     "message": text
//   } ]
// }
QJsonObject toJson(const DocumentSignatureReport& report);
// The document's "verdict" as in the JSON, e.g. "valid".
QString verdictName(DocumentVerdict verdict);

} // namespace sohoa::signing
