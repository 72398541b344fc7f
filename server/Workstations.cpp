// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/Workstations.h"

#include "server/Sha256.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdexcept>

namespace sohoa::hub {

namespace {

constexpr int kTokenBytes = 32;
constexpr auto kColumns = "id, name, agency_code, created_at, "
                          "coalesce(revoked_at::text, ''), coalesce(last_seen_at::text, '')";

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

} // namespace

std::string Workstations::add(PgConnection& connection, const std::string& name,
                              const std::string& agencyCode)
{
    if (name.empty())
        throw std::invalid_argument("a workstation needs a name");
    unsigned char random[kTokenBytes];
    if (RAND_bytes(random, kTokenBytes) != 1)
        throw std::runtime_error("no random bytes for a token");
    const std::string token = base64url(random, kTokenBytes);
    try {
        connection.exec("INSERT INTO workstations(name, token_sha256, agency_code) "
                        "VALUES ($1, $2, $3)",
                        {name, byteaParameter(Sha256::of(token)), agencyCode});
    } catch (const PgError& error) {
        if (error.sqlState() == "23505")
            throw std::invalid_argument("a workstation named \"" + name + "\" exists already");
        throw;
    }
    return token;
}

bool Workstations::revoke(PgConnection& connection, const std::string& name)
{
    return connection
               .exec("UPDATE workstations SET revoked_at = now() "
                     "WHERE name = $1 AND revoked_at IS NULL",
                     {name})
               .affected() == 1;
}

std::vector<Workstation> Workstations::list(PgConnection& connection)
{
    const PgResult rows =
        connection.exec(std::string("SELECT ") + kColumns + " FROM workstations ORDER BY id");
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
    const PgResult rows = connection.exec(std::string("SELECT ") + kColumns +
                                              " FROM workstations "
                                              "WHERE token_sha256 = $1 AND revoked_at IS NULL",
                                          {hash});
    if (rows.rows() != 1)
        return std::nullopt;
    // "Last seen" to the minute is enough for the admin list, and spares most requests a
    // write (and its commit flush) of their own.
    connection.exec("UPDATE workstations SET last_seen_at = now() WHERE token_sha256 = $1 AND "
                    "(last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')",
                    {hash});
    return workstationAt(rows, 0);
}

bool Workstations::wasRevoked(PgConnection& connection, const std::string& token)
{
    return connection
               .exec(
                   "SELECT 1 FROM workstations WHERE token_sha256 = $1 AND revoked_at IS NOT NULL",
                   {byteaParameter(Sha256::of(token))})
               .rows() == 1;
}

} // namespace sohoa::hub
