// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/PgConnection.h"

#include <string>

namespace sohoa::hub {

// PostgreSQL advisory locks on a file's hash, so that removing a file no dossier refers to
// (HubCleanup, exclusive) never interleaves with a dossier coming to refer to it or with its
// upload completing (shared, until their transaction ends): either those commit first and the
// file stays, or the removal is done first — row and bytes — and the file is missing to them,
// uploaded again.
void lockFileShared(PgConnection& connection, const std::string& sha256Hex);

// Held by the connection's session, not a transaction: the bytes are removed after the
// row's deletion commits and before anyone may store them again.
class ExclusiveFileLock
{
public:
    ExclusiveFileLock(PgConnection& connection, std::string sha256Hex);
    ~ExclusiveFileLock();
    ExclusiveFileLock(const ExclusiveFileLock&) = delete;
    ExclusiveFileLock& operator=(const ExclusiveFileLock&) = delete;

private:
    PgConnection& connection_;
    std::string sha256Hex_;
};

} // namespace sohoa::hub
