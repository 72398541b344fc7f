// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <optional>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace sohoa::storage {

class SecureBytes;

// Thin RAII wrapper over SQLCipher's C API. Every failure becomes a StoreError.
class Database
{
public:
    enum class Mode
    {
        OpenExisting,
        Create
    };
    Database(const QString& path, Mode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // The store's page size, encrypted or not. 16 KiB rather than SQLCipher's 4 KiB default:
    // page images are large blobs, and every page costs an IV, an AES pass and an HMAC, so
    // bigger pages bring encrypted blob writes close to unencrypted ones (bench/store_bench).
    // Part of the file format: a store can only be opened with the size it was created with.
    static constexpr int kPageSize = 16384;

    // Keys the connection with a raw 256-bit key ("x'hex'" form: SQLCipher skips its own KDF).
    void key(const SecureBytes& dataKey);
    // Re-encrypts every page under a new raw key (PRAGMA rekey).
    void rekey(const SecureBytes& dataKey);
    // Copies `source` into this database page by page (SQLite's online backup API), as one
    // consistent snapshot; both must be keyed with the same key.
    void backupFrom(Database& source);

    void exec(const char* sql);
    std::optional<QString> pragmaText(const char* pragma);
    std::int64_t lastInsertRowId() const;
    // Rows changed by the last INSERT, UPDATE or DELETE.
    int changes() const;
    sqlite3* handle() const { return db_; }
    [[noreturn]] void fail(int code, const char* what) const;

private:
    sqlite3* db_ = nullptr;
};

class Statement
{
public:
    Statement(Database& db, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const QString& text);
    Statement& bindBlob(int index, const QByteArray& bytes);
    Statement& bindBlob(int index, const void* data, std::size_t size);

    // Steps once; true while a row is available.
    bool step();
    // Steps a statement that must not return rows.
    void run();

    std::int64_t int64(int column) const;
    int integer(int column) const { return static_cast<int>(int64(column)); }
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;

private:
    Database& db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed uncommitted (exception paths).
class Transaction
{
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool open_ = true;
};

} // namespace sohoa::storage
