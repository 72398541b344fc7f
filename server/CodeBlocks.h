// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/HubDossierCode.h"
#include "server/IdempotentRequests.h"

namespace sohoa::hub {

// POST /v1/code-blocks (docs/SYNC-PROTOCOL.md §8.1): a workstation reserves, for each of `days`
// days from `first_day` (default the hub's today, Vietnam time), up to `size` numbers of its
// agency's daily sequence, taken from the master counter (CodeCounters); the dossier codes it
// then makes offline are its own. Exactly once per Idempotency-Key, like operations.
class CodeBlocks
{
public:
    // Throws ApiError for a request that is no reservation at all (not stored).
    static IdempotentAnswer reserve(PgConnection& connection, const Workstation& workstation,
                                    const std::string& idempotencyKey, const std::string& body);
    // Whether the definitive `code` lies in a block reserved to `workstation`.
    static bool reservedTo(PgConnection& connection, const Workstation& workstation,
                           const HubDossierCode& code);
};

} // namespace sohoa::hub
