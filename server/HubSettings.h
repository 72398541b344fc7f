// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/PgConnection.h"

#include <QJsonObject>
#include <string>

namespace sohoa::hub {

// The settings the province pushes to every workstation (docs/SYNC-PROTOCOL.md §7.2), one
// whole document per revision: `holidays` and `make_up_working_days` (yyyy-MM-dd),
// `trust_anchors` ({certificate: base64 DER, …}), `sync` ({bandwidth_kbps, …}) and the other
// members of §7.2, which the hub keeps and serves as they are.
class HubSettings
{
public:
    // `sohoa-hub admin settings set FILE.json`: stores `json` as the next revision, returned.
    // Throws std::invalid_argument naming what is wrong when the members it checks are not
    // of their form.
    static long long set(PgConnection& connection, const std::string& json);
    // GET /v1/settings: {revision, unchanged: false, settings: the whole document}, or
    // {revision, unchanged: true} when `since` is the current one. Throws ApiError 400 for a
    // malformed `since`.
    static QJsonObject since(PgConnection& connection, const std::string& since);
};

} // namespace sohoa::hub
