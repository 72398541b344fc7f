// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/IdempotentRequests.h"

#include <string>

namespace sohoa::hub {

// POST /v1/operations (docs/SYNC-PROTOCOL.md §5): a change to one dossier, applied exactly once
// and in order. In one transaction, serialized per workstation and key: a key seen before
// returns its stored answer (422 idempotency-key-reused for a different request); then the
// dossier row is locked and the operation refused when the dossier is unknown (404), another
// workstation's (403), at another version than `base_version` (409 stale-version with the
// current version), test data on a production hub (403) or its code taken (409); a new
// dossier's definitive code must lie in the workstation's reserved blocks (422
// dossier-code-not-reserved), a provisional one is replaced by the hub's next number for the
// agency and day (`code_replaced` in the receipt; later rows' file names are mapped to it);
// otherwise the dossier is created or changed, its version goes up by one, and the answer is
// stored with the key. Throws ApiError for a request that is not an operation at all (not
// stored).
class DossierOperations
{
public:
    static IdempotentAnswer apply(PgConnection& connection, const Workstation& workstation,
                                  const std::string& idempotencyKey, const std::string& body,
                                  bool acceptTestData);
};

} // namespace sohoa::hub
