// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/PgConnection.h"

namespace sohoa::hub {

// The hub's tables, created and upgraded by numbered, forward-only migrations recorded in
// schema_migrations. Several hub processes may start against one database at once (a province
// running two behind a load balancer): an advisory lock lets one migrate while the others wait.
class HubSchema
{
public:
    static int latestVersion();
    // Applies the missing migrations, each in its own transaction; returns the version reached.
    // Throws PgError, or std::runtime_error for a database a newer hub has migrated.
    static int migrate(PgConnection& connection);
};

} // namespace sohoa::hub
