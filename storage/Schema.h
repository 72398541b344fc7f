// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace sohoa::storage {

class Database;

// Forward-only schema migrations, tracked in PRAGMA user_version. Each step runs in its own
// transaction, so a crash leaves the store at the previous version, never between two.
int latestSchemaVersion();
int schemaVersion(Database& db);
// Brings the database up to latestSchemaVersion(), or up to `target` when given (for tests
// that build a store at an earlier version).
void migrate(Database& db, int target = -1);

} // namespace sohoa::storage
