// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/PgConnection.h"
#include "server/Workstations.h"

#include <QJsonObject>
#include <string>

namespace sohoa::hub {

// What the hub answers to one operation; a replay is the stored answer to an earlier request
// with the same Idempotency-Key.
struct OperationAnswer
{
    int status = 200;
    QJsonObject body;
    bool replay = false;
    // False for a refusal that depends on what the client does next (files not uploaded yet):
    // not kept with the key, so the same request may come again.
    bool keep = true;
};

// POST /v1/operations (docs/SYNC-PROTOCOL.md §5): a change to one dossier, applied exactly once
// and in order. In one transaction, serialized per workstation and key: a key seen before
// returns its stored answer (422 idempotency-key-reused for a different request); then the
// dossier row is locked and the operation refused when the dossier is unknown (404), another
// workstation's (403), at another version than `base_version` (409 stale-version with the
// current version), test data on a production hub (403) or its code taken (409); otherwise the
// dossier is created or changed, its version goes up by one, and the answer is stored with the
// key. Throws ApiError for a request that is not an operation at all (not stored).
class DossierOperations
{
public:
    static OperationAnswer apply(PgConnection& connection, const Workstation& workstation,
                                 const std::string& idempotencyKey, const std::string& body,
                                 bool acceptTestData);
};

} // namespace sohoa::hub
