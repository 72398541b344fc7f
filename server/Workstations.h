// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/PgConnection.h"

#include <QString>
#include <optional>
#include <string>
#include <vector>

namespace sohoa::hub {

struct Workstation
{
    long long id = 0;
    std::string name;
    std::string agencyCode;
    std::string createdAt; // ISO 8601
    std::string revokedAt; // empty while the token works
    std::string lastSeenAt;

    // The agencies it may reserve codes and create dossiers for (one today, set with
    // `admin add-workstation --agency`; none when it was added without).
    bool registeredFor(const QString& agency) const
    {
        return !agencyCode.empty() && agency.toStdString() == agencyCode;
    }
};

// The workstations a hub serves and their bearer tokens: 32 random bytes, base64url, shown
// once when issued; the hub keeps only their SHA-256. Rotating a token is adding a workstation
// under a new name and revoking the old one.
class Workstations
{
public:
    // Throws std::invalid_argument for an empty or taken name (in the message).
    static std::string add(PgConnection& connection, const std::string& name,
                           const std::string& agencyCode = {});
    // False when there is no such workstation or it was revoked already.
    static bool revoke(PgConnection& connection, const std::string& name);
    static std::vector<Workstation> list(PgConnection& connection);
    // The workstation a bearer token belongs to, unless unknown or revoked.
    static std::optional<Workstation> authenticate(PgConnection& connection,
                                                   const std::string& token);
    // True when the token belonged to a workstation that was revoked (to say so).
    static bool wasRevoked(PgConnection& connection, const std::string& token);
};

} // namespace sohoa::hub
