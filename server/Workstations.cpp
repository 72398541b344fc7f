// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/Workstations.h"

#include "server/Sha256.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdexcept>

namespace sohoa::hub {

namespace {

constexpr int kTokenBytes = 32;
constexpr auto kColumns = "w.id, w.name, w.agency_code, w.created_at, "
                          "coalesce(w.revoked_at::text, ''), coalesce(w.last_seen_at::text, '')";

std::string base64url(const unsigned char* bytes, int size)
{
    std::string encoded(static_cast<std::size_t>(4 * ((size + 2) / 3)), '\0');
    const int written =
        EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()), bytes, size);
    encoded.resize(static_cast<std::size_t>(written));
    for (char& c : encoded)
        c = c == '+' ? '-' : c == '/' ? '_' : c;
    while (!encoded.empty() && encoded.back() == '=')
        encoded.pop_back();
    return encoded;
}

Workstation workstationAt(const PgResult& rows, int row)
{
    return Workstation{rows.integer(row, 0), rows.text(row, 1), rows.text(row, 2),
                       rows.text(row, 3),    rows.text(row, 4), rows.text(row, 5)};
}

std::string newToken()
{
    unsigned char random[kTokenBytes];
    if (RAND_bytes(random, kTokenBytes) != 1)
        throw std::runtime_error("no random bytes for a token");
    return base64url(random, kTokenBytes);
}

} // namespace

std::string Workstations::add(PgConnection& connection, const std::string& name,
                              const std::string& agencyCode)
{
    if (name.empty())
        throw std::invalid_argument("a workstation needs a name");
    const std::string token = newToken();
    try {
        // One statement: the workstation never exists without its token.
        connection.exec("WITH w AS (INSERT INTO workstations(name, agency_code) VALUES ($1, $2) "
                        "RETURNING id) "
                        "INSERT INTO workstation_tokens(workstation_id, token_sha256) "
                        "SELECT id, $3 FROM w",
                        {name, agencyCode, byteaParameter(Sha256::of(token))});
    } catch (const PgError& error) {
        if (error.sqlState() == "23505")
            throw std::invalid_argument("a workstation named \"" + name + "\" exists already");
        throw;
    }
    return token;
}

Workstation Workstations::ensure(PgConnection& connection, const std::string& name,
                                 const std::string& agencyCode)
{
    if (name.empty())
        throw std::invalid_argument("a workstation needs a name");
    const PgResult rows = connection.exec(
        std::string("INSERT INTO workstations AS w(name, agency_code) VALUES ($1, $2) "
                    "ON CONFLICT (name) DO UPDATE SET revoked_at = NULL, agency_code = "
                    "CASE WHEN EXCLUDED.agency_code = '' THEN w.agency_code "
                    "ELSE EXCLUDED.agency_code END RETURNING ") +
            kColumns,
        {name, agencyCode});
    return workstationAt(rows, 0);
}

IssuedToken Workstations::issueToken(PgConnection& connection, long long workstationId)
{
    IssuedToken issued;
    issued.token = newToken();
    issued.id = connection
                    .exec("INSERT INTO workstation_tokens(workstation_id, token_sha256) "
                          "VALUES ($1, $2) RETURNING id",
                          {std::to_string(workstationId), byteaParameter(Sha256::of(issued.token))})
                    .integer(0, 0);
    return issued;
}

void Workstations::revokeToken(PgConnection& connection, long long tokenId)
{
    connection.exec("UPDATE workstation_tokens SET revoked_at = now() "
                    "WHERE id = $1 AND revoked_at IS NULL",
                    {std::to_string(tokenId)});
}

bool Workstations::revokeToken(PgConnection& connection, const std::string& name, long long tokenId)
{
    return connection
               .exec("UPDATE workstation_tokens t SET revoked_at = now() FROM workstations w "
                     "WHERE t.id = $1 AND t.workstation_id = w.id AND w.name = $2 "
                     "AND t.revoked_at IS NULL RETURNING t.id",
                     {std::to_string(tokenId), name})
               .rows() == 1;
}

std::vector<TokenSummary> Workstations::tokensOf(PgConnection& connection, long long workstationId)
{
    const PgResult rows = connection.exec(
        "SELECT id, created_at, coalesce(revoked_at::text, '') FROM workstation_tokens "
        "WHERE workstation_id = $1 ORDER BY id",
        {std::to_string(workstationId)});
    std::vector<TokenSummary> tokens;
    for (int row = 0; row < rows.rows(); ++row)
        tokens.push_back({rows.integer(row, 0), rows.text(row, 1), rows.text(row, 2)});
    return tokens;
}

bool Workstations::revoke(PgConnection& connection, const std::string& name)
{
    return connection
               .exec("WITH w AS (UPDATE workstations SET revoked_at = now() "
                     "WHERE name = $1 AND revoked_at IS NULL RETURNING id, name), "
                     "t AS (UPDATE workstation_tokens SET revoked_at = now() "
                     "WHERE revoked_at IS NULL AND workstation_id IN (SELECT id FROM w)), "
                     // Its codes too: a code consumed before, repeated with its key, must not
                     // bring a revoked (perhaps stolen) workstation back.
                     "c AS (UPDATE enrolment_codes SET expires_at = now() "
                     "WHERE expires_at > now() AND workstation_name IN (SELECT name FROM w)) "
                     "SELECT count(*) FROM w",
                     {name})
               .integer(0, 0) == 1;
}

std::vector<Workstation> Workstations::list(PgConnection& connection)
{
    const PgResult rows =
        connection.exec(std::string("SELECT ") + kColumns + " FROM workstations w ORDER BY id");
    std::vector<Workstation> all;
    for (int row = 0; row < rows.rows(); ++row)
        all.push_back(workstationAt(rows, row));
    return all;
}

std::optional<Workstation> Workstations::authenticate(PgConnection& connection,
                                                      const std::string& token)
{
    if (token.empty())
        return std::nullopt;
    const std::string hash = byteaParameter(Sha256::of(token));
    const PgResult rows = connection.exec(
        std::string("SELECT ") + kColumns +
            " FROM workstation_tokens t JOIN workstations w ON w.id = t.workstation_id "
            "WHERE t.token_sha256 = $1 AND t.revoked_at IS NULL",
        {hash});
    if (rows.rows() != 1)
        return std::nullopt;
    Workstation workstation = workstationAt(rows, 0);
    // "Last seen" to the minute is enough for the admin list, and spares most requests a
    // write (and its commit flush) of their own.
    connection.exec("UPDATE workstations SET last_seen_at = now() WHERE id = $1 AND "
                    "(last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')",
                    {std::to_string(workstation.id)});
    return workstation;
}

bool Workstations::wasRevoked(PgConnection& connection, const std::string& token)
{
    return connection
               .exec("SELECT 1 FROM workstation_tokens "
                     "WHERE token_sha256 = $1 AND revoked_at IS NOT NULL",
                     {byteaParameter(Sha256::of(token))})
               .rows() == 1;
}

} // namespace sohoa::hub
