// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/Sqlite.h"

#include "storage/SecureBytes.h"
#include "storage/StoreError.h"

#include <sodium.h>
#include <sqlcipher/sqlite3.h>
#include <string>

namespace sohoa::storage {

namespace {
// "x'<64 hex digits>'" in locked memory: SQLCipher's raw-key syntax.
SecureBytes rawKeyLiteral(const SecureBytes& dataKey)
{
    const std::size_t hexLength = dataKey.size() * 2;
    SecureBytes literal(hexLength + 3);
    auto* out = reinterpret_cast<char*>(literal.data());
    out[0] = 'x';
    out[1] = '\'';
    SecureBytes hex(hexLength + 1);
    sodium_bin2hex(reinterpret_cast<char*>(hex.data()), hex.size(), dataKey.data(), dataKey.size());
    std::copy_n(hex.data(), hexLength, literal.data() + 2);
    out[hexLength + 2] = '\'';
    return literal;
}
} // namespace

Database::Database(const QString& path, Mode mode)
{
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX |
                      (mode == Mode::Create ? SQLITE_OPEN_CREATE : 0);
    const QByteArray utf8 = path.toUtf8();
    const int rc = sqlite3_open_v2(utf8.constData(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string detail = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw StoreError(storeErrorCodeFromSqlite(rc), "cannot open database: " + detail);
    }
    sqlite3_extended_result_codes(db_, 1);
    // SQLCipher logs decryption failures to stderr by default; a wrong key is an expected
    // event that we report ourselves, in the user's language.
    exec("PRAGMA cipher_log_level = NONE");
    sqlite3_busy_timeout(db_, 5000);
}

Database::~Database()
{
    sqlite3_close_v2(db_);
}

void Database::key(const SecureBytes& dataKey)
{
    const SecureBytes literal = rawKeyLiteral(dataKey);
    const int rc = sqlite3_key(db_, literal.data(), static_cast<int>(literal.size()));
    if (rc != SQLITE_OK)
        fail(rc, "keying the database");
    exec("PRAGMA cipher_log_level = NONE"); // the codec's own logging starts with the key
    exec(("PRAGMA cipher_page_size = " + std::to_string(kPageSize)).c_str());
}

void Database::rekey(const SecureBytes& dataKey)
{
    const SecureBytes literal = rawKeyLiteral(dataKey);
    const int rc = sqlite3_rekey(db_, literal.data(), static_cast<int>(literal.size()));
    if (rc != SQLITE_OK)
        fail(rc, "re-keying the database");
}

void Database::backupFrom(Database& source)
{
    sqlite3_backup* backup = sqlite3_backup_init(db_, "main", source.db_, "main");
    if (backup == nullptr)
        fail(sqlite3_errcode(db_), "starting the backup");
    sqlite3_backup_step(backup, -1);
    const int rc = sqlite3_backup_finish(backup);
    if (rc != SQLITE_OK)
        fail(rc, "copying the store");
}

void Database::exec(const char* sql)
{
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        const std::string detail = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw StoreError(storeErrorCodeFromSqlite(rc), detail);
    }
}

std::optional<QString> Database::pragmaText(const char* pragma)
{
    Statement statement(*this, pragma);
    if (!statement.step() || statement.isNull(0))
        return std::nullopt;
    return statement.text(0);
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(db_);
}

int Database::changes() const
{
    return sqlite3_changes(db_);
}

void Database::fail(int code, const char* what) const
{
    throw StoreError(storeErrorCodeFromSqlite(code),
                     std::string(what) + ": " + sqlite3_errmsg(db_));
}

Statement::Statement(Database& db, const char* sql) : db_(db)
{
    const int rc = sqlite3_prepare_v2(db.handle(), sql, -1, &stmt_, nullptr);
    if (rc != SQLITE_OK)
        db.fail(rc, "preparing a statement");
}

Statement::~Statement()
{
    sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value)
{
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK)
        db_.fail(rc, "binding");
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    const int rc = sqlite3_bind_double(stmt_, index, value);
    if (rc != SQLITE_OK)
        db_.fail(rc, "binding");
    return *this;
}

Statement& Statement::bind(int index, const QString& text)
{
    // A null QString binds as '' — columns that may be empty are NOT NULL DEFAULT ''.
    const QByteArray utf8 = text.toUtf8();
    const int rc = sqlite3_bind_text(stmt_, index, utf8.constData(), static_cast<int>(utf8.size()),
                                     SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        db_.fail(rc, "binding");
    return *this;
}

Statement& Statement::bindBlob(int index, const QByteArray& bytes)
{
    return bindBlob(index, bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

Statement& Statement::bindBlob(int index, const void* data, std::size_t size)
{
    const int rc = sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        db_.fail(rc, "binding");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    db_.fail(rc, "executing a statement");
}

void Statement::run()
{
    while (step()) {
    }
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(stmt_, column);
}

QString Statement::text(int column) const
{
    const auto* utf8 = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (utf8 == nullptr)
        return {};
    return QString::fromUtf8(utf8, sqlite3_column_bytes(stmt_, column));
}

QByteArray Statement::blob(int column) const
{
    const void* data = sqlite3_column_blob(stmt_, column);
    const int size = sqlite3_column_bytes(stmt_, column);
    return data ? QByteArray(static_cast<const char*>(data), size) : QByteArray();
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Transaction::Transaction(Database& db) : db_(db)
{
    db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (open_) {
        try {
            db_.exec("ROLLBACK");
        } catch (...) {
            // A failed rollback leaves SQLite to roll back on close; nothing more to do here.
        }
    }
}

void Transaction::commit()
{
    db_.exec("COMMIT");
    open_ = false;
}

} // namespace sohoa::storage
