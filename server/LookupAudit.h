// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <string>
#include <vector>

namespace sohoa::hub {

class PgConnection;
struct Workstation;

// Who asked for a look-up and why (docs/SYNC-PROTOCOL.md §11.2).
struct LookupPurpose
{
    QString officerId;
    QString code; // dossier-reception, document-reuse, identity-check...
    QString dossierUuid;
    QString text;
};

// One audited look-up, as recorded.
struct LookupEntry
{
    QString lookupId;
    QString workstation;
    QString officerId;
    QString kind;
    QString purposeCode;
    int resultCount = 0;
    QString lookedUpAt;
};

// The hub's side of auditing look-ups (docs/SYNC-PROTOCOL.md §11.4): one row per call naming
// the workstation, officer, purpose and counts, with the looked-up ID kept only as an
// HMAC-SHA-256 under a secret of this hub. That answers a citizen's "who looked me up?"
// without a table of plaintext IDs; the rate limit per workstation is counted from the rows.
class LookupAudit
{
public:
    // Throws ApiError 429 when the workstation made `perHour` look-ups in the last hour.
    static void checkRate(PgConnection& connection, const Workstation& workstation, int perHour);
    // Records the call in the caller's transaction and returns its lookup_id. `files`
    // (hex SHA-256) are what a document look-up returned: downloadable for 24 hours.
    static QString record(PgConnection& connection, const Workstation& workstation,
                          const std::string& idNumber, const QString& kind,
                          const LookupPurpose& purpose, const QString& source, int resultCount,
                          const QStringList& files = {});
    // Every look-up of `idNumber`, oldest first (`sohoa-hub admin lookups-of`).
    static std::vector<LookupEntry> of(PgConnection& connection, const std::string& idNumber);

private:
    static std::string subjectHmac(PgConnection& connection, const std::string& idNumber);
};

} // namespace sohoa::hub
