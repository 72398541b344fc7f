// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/StoreError.h"

#include <sqlcipher/sqlite3.h>

namespace sohoa::storage {

StoreErrorCode storeErrorCodeFromSqlite(int sqliteCode)
{
    switch (sqliteCode & 0xff) {
    case SQLITE_NOTADB:
        return StoreErrorCode::NotAStore;
    case SQLITE_CORRUPT:
        return StoreErrorCode::Corrupt;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
        return StoreErrorCode::ReadOnly;
    case SQLITE_FULL:
        return StoreErrorCode::DiskFull;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return StoreErrorCode::Busy;
    case SQLITE_CONSTRAINT:
        return StoreErrorCode::Constraint;
    case SQLITE_IOERR:
        return StoreErrorCode::Io;
    default:
        return StoreErrorCode::Internal;
    }
}

} // namespace sohoa::storage
