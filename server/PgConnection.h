// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct pg_conn;
struct pg_result;

namespace sohoa::hub {

// A failed statement or connection. `sqlState` is PostgreSQL's five-character code (e.g.
// "23505" unique violation), empty when the connection itself failed.
class PgError : public std::runtime_error
{
public:
    PgError(const std::string& message, std::string sqlState)
        : std::runtime_error(message), sqlState_(std::move(sqlState))
    {
    }
    const std::string& sqlState() const { return sqlState_; }
    bool connectionLost() const { return sqlState_.empty() || sqlState_.starts_with("08"); }

private:
    std::string sqlState_;
};

// The rows of one statement, values in PostgreSQL's text format.
class PgResult
{
public:
    explicit PgResult(pg_result* result);
    ~PgResult();
    PgResult(PgResult&& other) noexcept;
    PgResult& operator=(PgResult&&) = delete;
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;

    int rows() const;
    bool isNull(int row, int column) const;
    std::string text(int row, int column) const;
    long long integer(int row, int column) const;
    // A bytea column (hex output format) as raw bytes.
    std::string bytes(int row, int column) const;
    // Rows an INSERT, UPDATE or DELETE touched.
    long long affected() const;

private:
    pg_result* result_;
};

using PgParameter = std::optional<std::string>; // nullopt is SQL NULL

// One libpq connection. Statements are always sent with parameters ($1, $2...) so values never
// become SQL text. Throws PgError.
class PgConnection
{
public:
    explicit PgConnection(const std::string& conninfo);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    PgResult exec(const std::string& sql, const std::vector<PgParameter>& parameters = {});
    // Several statements without parameters (migrations).
    void execScript(const std::string& sql);
    // False when the server went away; the pool then replaces the connection.
    bool usable() const;

private:
    pg_conn* connection_;
};

// Binary data as a bytea parameter (hex input format).
std::string byteaParameter(const std::string& bytes);

} // namespace sohoa::hub
