// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/FileLocks.h"

namespace sohoa::hub {

void lockFileShared(PgConnection& connection, const std::string& sha256Hex)
{
    connection.exec("SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))", {sha256Hex});
}

ExclusiveFileLock::ExclusiveFileLock(PgConnection& connection, std::string sha256Hex)
    : connection_(connection), sha256Hex_(std::move(sha256Hex))
{
    connection_.exec("SELECT pg_advisory_lock(hashtextextended($1, 0))", {sha256Hex_});
}

ExclusiveFileLock::~ExclusiveFileLock()
{
    try {
        connection_.exec("SELECT pg_advisory_unlock(hashtextextended($1, 0))", {sha256Hex_});
    } catch (const PgError&) {
        // The connection is gone, and its session's locks with it.
    }
}

} // namespace sohoa::hub
