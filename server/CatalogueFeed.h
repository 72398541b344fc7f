// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/PgConnection.h"

#include <QJsonObject>
#include <string>

namespace sohoa::hub {

// GET /v1/catalogue?since=REV (docs/SYNC-PROTOCOL.md §7.1): {revision, version, complete,
// procedures, removed_procedures, agencies, removed_agencies}. `since` absent or 0, or newer
// than the hub's revision (a hub restored from an older backup), gets the whole catalogue
// (complete: true); an older one what changed after it; the current one empty lists.
class CatalogueFeed
{
public:
    // Throws ApiError 400 for a malformed `since`.
    static QJsonObject since(PgConnection& connection, const std::string& since);
};

} // namespace sohoa::hub
