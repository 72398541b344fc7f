// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/PgConnection.h"
#include "server/Workstations.h"

#include <QJsonObject>
#include <string>

namespace sohoa::hub {

// Who took a decision: the fields of a national progress entry (docs/SYNC-PROTOCOL.md §6.4).
struct Decider
{
    std::string name;
    std::string title;
    std::string department;
};

// One decision to take on the hub's copy of a dossier.
struct DecisionRequest
{
    std::string dossierCode;
    std::string decision; // return_to_officer, approve, request_supplement or mark_synced
    Decider by;
    std::string remarks; // NoiDungXuLy, shown to the officer
};

// Decisions taken on the hub about a workstation's dossiers (docs/SYNC-PROTOCOL.md §7.3): the
// supervisor's, through `sohoa-hub admin decide` until the supervisor's screens exist. A
// decision moves the hub's copy on by one version, as an operation does, and waits for the
// owning workstation in its returned-dossiers feed.
class HubDecisions
{
public:
    // Takes the decision in one transaction; returns its feed item. Throws
    // std::invalid_argument when the dossier is unknown or its state does not allow it.
    static QJsonObject take(PgConnection& connection, const DecisionRequest& request);
    // GET /v1/returned-dossiers: the decisions after the cursor `since` (empty: from the
    // start) on `workstation`'s dossiers, at most `limit` (empty: 100). Throws ApiError 400
    // for a malformed cursor or limit.
    static QJsonObject feed(PgConnection& connection, const Workstation& workstation,
                            const std::string& since, const std::string& limit);
};

} // namespace sohoa::hub
