// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/PgConnection.h"

#include <cstdlib>
#include <libpq-fe.h>

namespace sohoa::hub {

namespace {

PgError errorOf(const PGresult* result, const PGconn* connection)
{
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* message = result ? PQresultErrorMessage(result) : PQerrorMessage(connection);
    return PgError(message ? message : "PostgreSQL error", state ? state : "");
}

PgResult checked(PGresult* result, const PGconn* connection)
{
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return PgResult(result);
    PgError error = errorOf(result, connection);
    PQclear(result);
    throw error;
}

// NOTICE lines (e.g. "already exists, skipping") are not for the hub's output.
void ignoreNotice(void*, const char*) {}

int hexValue(char c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

} // namespace

PgResult::PgResult(PGresult* result) : result_(result) {}

PgResult::~PgResult()
{
    if (result_)
        PQclear(result_);
}

PgResult::PgResult(PgResult&& other) noexcept : result_(other.result_)
{
    other.result_ = nullptr;
}

int PgResult::rows() const
{
    return PQntuples(result_);
}

bool PgResult::isNull(int row, int column) const
{
    return PQgetisnull(result_, row, column) != 0;
}

std::string PgResult::text(int row, int column) const
{
    return std::string(PQgetvalue(result_, row, column),
                       static_cast<std::size_t>(PQgetlength(result_, row, column)));
}

long long PgResult::integer(int row, int column) const
{
    return std::strtoll(PQgetvalue(result_, row, column), nullptr, 10);
}

std::string PgResult::bytes(int row, int column) const
{
    const std::string hex = text(row, column); // "\x0a1b..."
    std::string raw;
    raw.reserve(hex.size() / 2);
    for (std::size_t i = 2; i + 1 < hex.size(); i += 2)
        raw.push_back(static_cast<char>(hexValue(hex[i]) * 16 + hexValue(hex[i + 1])));
    return raw;
}

long long PgResult::affected() const
{
    return std::strtoll(PQcmdTuples(result_), nullptr, 10);
}

PgConnection::PgConnection(const std::string& conninfo) : connection_(PQconnectdb(conninfo.c_str()))
{
    if (PQstatus(connection_) != CONNECTION_OK) {
        PgError error(PQerrorMessage(connection_), "");
        PQfinish(connection_);
        throw error;
    }
    PQsetNoticeProcessor(connection_, &ignoreNotice, nullptr);
}

PgConnection::~PgConnection()
{
    PQfinish(connection_);
}

PgResult PgConnection::exec(const std::string& sql, const std::vector<PgParameter>& parameters)
{
    std::vector<const char*> values;
    values.reserve(parameters.size());
    for (const PgParameter& parameter : parameters)
        values.push_back(parameter ? parameter->c_str() : nullptr);
    return checked(PQexecParams(connection_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                values.data(), nullptr, nullptr, 0),
                   connection_);
}

void PgConnection::execScript(const std::string& sql)
{
    checked(PQexec(connection_, sql.c_str()), connection_);
}

bool PgConnection::usable() const
{
    return PQstatus(connection_) == CONNECTION_OK;
}

std::string byteaParameter(const std::string& bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex = "\\x";
    hex.reserve(2 + bytes.size() * 2);
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        hex.push_back(digits[byte >> 4]);
        hex.push_back(digits[byte & 0x0f]);
    }
    return hex;
}

} // namespace sohoa::hub
