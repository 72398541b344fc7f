// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>

namespace sohoa::storage {

// Why a store operation failed. The app layer turns each code into a translated message;
// the detail is technical English for logs and never contains personal data.
enum class StoreErrorCode
{
    WrongPassphrase,   // no key slot opens with the passphrase given
    AlreadyExists,     // create() on a path that holds a store or a key file
    NotFound,          // no store (or no key file) at the path
    KeyFileCorrupt,    // the key file cannot be parsed or has an unknown format
    NotAStore,         // the data key opens no database: wrong file or tampered
    CipherUnavailable, // the SQLite library linked is not SQLCipher
    Corrupt,           // integrity checks fail
    ReadOnly,          // the file or its directory cannot be written
    DiskFull,          // no space left
    Busy,              // another process holds the store
    Constraint,        // a uniqueness or foreign-key rule refused the change
    Io,                // any other operating-system I/O failure
    Internal,          // a bug: SQL error, misuse
};

class StoreError : public std::runtime_error
{
public:
    StoreError(StoreErrorCode code, const std::string& detail)
        : std::runtime_error(detail), code_(code)
    {
    }
    StoreErrorCode code() const { return code_; }

private:
    StoreErrorCode code_;
};

// Maps an SQLite result code (extended or primary) to our error code.
StoreErrorCode storeErrorCodeFromSqlite(int sqliteCode);

} // namespace sohoa::storage
