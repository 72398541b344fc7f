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

// One of a workstation's tokens, as `admin list` shows it (never the token itself).
struct TokenSummary
{
    long long id = 0;
    std::string createdAt; // ISO 8601
    std::string revokedAt; // empty while it works
};

// A bearer token just issued: shown once, never stored.
struct IssuedToken
{
    long long id = 0; // its row in workstation_tokens
    std::string token;
};

// The workstations a hub serves and their bearer tokens: 32 random bytes, base64url, shown
// once when issued; the hub keeps only their SHA-256. A workstation may hold several tokens
// (an enrolment code for an existing workstation adds one: rotation).
class Workstations
{
public:
    // A new workstation with its first token. Throws std::invalid_argument for an empty or
    // taken name (in the message).
    static std::string add(PgConnection& connection, const std::string& name,
                           const std::string& agencyCode = {});
    // The workstation named `name`, created when new; a given agency code replaces its own, and
    // a revoked workstation is active again (it is about to get a new token).
    static Workstation ensure(PgConnection& connection, const std::string& name,
                              const std::string& agencyCode);
    static IssuedToken issueToken(PgConnection& connection, long long workstationId);
    static void revokeToken(PgConnection& connection, long long tokenId);
    // Revokes one token of the workstation `name` (a rotation's old token, a lost laptop's
    // copy); its other tokens keep working. False when it has no such active token.
    static bool revokeToken(PgConnection& connection, const std::string& name, long long tokenId);
    // The workstation's tokens, oldest first.
    static std::vector<TokenSummary> tokensOf(PgConnection& connection, long long workstationId);
    // Revokes the workstation, all its tokens and its enrolment codes (a new code brings it
    // back). False when there is no such workstation or it was revoked already.
    static bool revoke(PgConnection& connection, const std::string& name);
    static std::vector<Workstation> list(PgConnection& connection);
    // The workstation a bearer token belongs to, unless unknown or revoked.
    static std::optional<Workstation> authenticate(PgConnection& connection,
                                                   const std::string& token);
    // True when the token was revoked (to say so).
    static bool wasRevoked(PgConnection& connection, const std::string& token);
};

} // namespace sohoa::hub
