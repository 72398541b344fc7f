// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/SecureBytes.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <cstdint>
#include <vector>

// Rows as the store keeps them. The app layer maps its domain types onto these, so storage/
// needs nothing from app/ (dependencies point one way: app -> storage).
namespace sohoa::storage {

// The hub's copy of a dossier as the latest conflict reported it (docs/SYNC-PROTOCOL.md §5.6):
// what settling the conflict makes of the local copy, offline. Version 0: not known.
struct HubCopy
{
    QString state; // the lifecycle's stable name
    int nationalStatus = 0;
    int version = 0;
};

struct DossierRecord
{
    std::int64_t id = 0;
    QString uuid;
    QString code;
    bool codeProvisional = false;
    QString agencyCode;
    QString procedureCode;
    QString procedureName;
    int applicantKind = 0;
    QString applicantIdentifier;
    QString applicantName;
    QString applicantNameFolded; // folded by the app for look-up without diacritics
    QDate applicantDateOfBirth;
    int applicantSex = 0;
    QString applicantAddress;
    int channel = 1;
    QString state;
    int nationalStatus = 1;
    QDateTime receivedAt;
    QDateTime dueAt;
    QDateTime returnedAt;
    bool testData = false;
    int version = 1;
    // The provisional code the dossier had until the hub assigned `code` (empty: none);
    // its receipt was printed under it and should be reprinted.
    QString formerProvisionalCode;
    // Why the hub and this store disagree, for the officer to settle (empty: they do not;
    // docs/SYNC-PROTOCOL.md §5.6). Read only: the relay and the decision feed set it.
    QString syncConflict;
    HubCopy conflictHubCopy; // the hub's side of that conflict
};

struct ComponentRecord
{
    std::int64_t id = 0;
    std::int64_t dossierId = 0;
    QString code;
    QString name;
    bool isResult = false;
    bool digitized = false;
    bool reused = false;
};

struct PageRecord
{
    std::int64_t id = 0;
    std::int64_t componentId = 0;
    int sequence = 0;
    int width = 0;
    int height = 0;
    int dpi = 0;
    int colorDepth = 0;
    QString source; // e.g. "sane:test:0" or "file" — never a file path with personal names
    QString transformsJson = QStringLiteral("[]");
    QString ocrText;
    QString searchText; // the OCR text folded for search by the app (written to the index only)
    std::int64_t imageBlobId = 0;
    bool blank = false;      // flagged by blank-page detection; kept, the officer decides
    double blankScore = 0.0; // share of the page covered by ink, 0…1
};

struct DocumentRecord
{
    std::int64_t id = 0;
    std::int64_t componentId = 0;
    QString fileName;
    QString kind; // "searchable-pdf", "signed-pdf" (imported, kept as is), "imported-pdf"
    std::int64_t blobId = 0;
    QDateTime createdAt;
    // A signed-pdf's verification when it was kept: "valid", "indeterminate", "modified",
    // "invalid"; empty for the others.
    QString signatureVerdict;
    QString signatureMessage; // the verifier's one line, in the officer's language
    QDateTime verifiedAt;
};

// Dossier-code sequence numbers the hub reserved to this workstation for one agency's day
// (docs/SYNC-PROTOCOL.md §8.1).
struct CodeBlockRecord
{
    QString agencyCode;
    QDate day;
    int first = 0;
    int last = 0;
    int sequenceWidth = 4; // digits the hub's codes have
};

// A number taken from a reserved block.
struct ReservedNumber
{
    int sequence = 0;
    int sequenceWidth = 4;
};

// A change waiting to reach the provincial hub (docs/SYNC-PROTOCOL.md §5.1), written in the
// same transaction as the change itself.
struct OutboxRecord
{
    std::int64_t id = 0;
    QString idempotencyKey; // UUID, made when the row is written
    QString dossierUuid;
    int baseVersion = 0; // the dossier's version before the change
    QString operation;   // "dossier.create", "dossier.transition"...
    QString payload;     // JSON
    QDateTime createdAt;
    int attempts = 0;
    QDateTime nextAttemptAt; // invalid: due now
    QString lastError;
    QDateTime parkedAt; // valid: refused for good or in conflict; not sent again
};

// Where a dossier stands for the hub's decisions (docs/SYNC-PROTOCOL.md §7.3).
struct DossierSyncState
{
    QString state; // the lifecycle's stable name
    int version = 0;
    int unsentRows = 0; // outbox rows not delivered yet, parked ones included
};

// A signature SoHoa made on a stored document.
struct SignatureRecord
{
    std::int64_t id = 0;
    std::int64_t documentId = 0;
    QString fieldName;      // the PDF signature field, e.g. "Signature1"
    QString signer;         // the certificate's subject common name
    QByteArray certificate; // DER
    QDateTime signedAt;
    QString level; // "PAdES-B-B" or "PAdES-B-T"
    // "none" (no TSA configured), "awaiting" (the TSA was unreachable), "stamped", or
    // "covered" (still B-B, but a later time-stamped signature covers its bytes)
    QString timestampStatus;
    bool testSignature = false; // made with the demo identity: no legal value
};

// An agency of the province's catalogue (docs/SYNC-PROTOCOL.md §7.1).
struct CatalogueAgencyRecord
{
    QString code;
    QString name;
    QString parentCode; // empty: a top-level agency
    bool active = true;
};

// A root (or intermediate) certificate the officer trusts for verifying signatures.
struct TrustAnchorRecord
{
    QByteArray sha256; // of the DER, the anchor's identity
    QString subject;
    QDateTime notAfter;
    QByteArray certificate; // DER
    QDateTime addedAt;
    QString addedBy; // officer id
};

// A software signing key kept in the store (the demo identity).
struct SigningIdentityRecord
{
    QString kind;                       // "demo"
    QList<QByteArray> certificateChain; // DER, signer first
    SecureBytes privateKey;             // PKCS#8 DER
    QDateTime createdAt;
};

struct SearchHit
{
    QString dossierCode;
    QString componentCode;
    int pageSequence = 0;
};

struct DossierSummary
{
    QString code;
    QString applicantName;
    QString applicantIdentifier;
    QString procedureCode;
    QString procedureName;
    QString state;
    int nationalStatus = 0;
    int pageCount = 0;
    QDateTime receivedAt;
    bool testData = false;
    bool codeProvisional = false;  // the hub has not assigned the definitive code yet
    QString formerProvisionalCode; // the provisional code it replaced, if any
};

// A component with what sync needs of its dossier.
struct ComponentOwner
{
    ComponentRecord component;
    QString dossierUuid;
    bool testData = false;
};

struct ComponentDetail
{
    ComponentRecord component;
    std::vector<PageRecord> pages;
    std::vector<DocumentRecord> documents;
};

struct DossierDetail
{
    DossierRecord dossier;
    std::vector<ComponentDetail> components;
};

struct CheckReport
{
    bool integrityOk = false;
    bool cipherIntegrityOk = false;
    bool auditChainOk = false;
    std::vector<QString> problems; // technical English, no personal data
    bool ok() const { return integrityOk && cipherIntegrityOk && auditChainOk; }
};

} // namespace sohoa::storage
