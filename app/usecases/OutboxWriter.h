// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

#include <vector>

namespace sohoa::usecases {

// Writes the outbox rows that carry a dossier's changes to the hub, always inside the
// transaction that makes the change, so the change and its delivery stand or fall together
// (docs/SYNC-PROTOCOL.md §5.1). Each row gets a fresh Idempotency-Key and the version the
// dossier had before the change.
class OutboxWriter
{
public:
    // The dossier was just created (at version 1) with these components.
    static void dossierCreated(storage::Store& store, const storage::DossierRecord& dossier,
                               const std::vector<storage::ComponentRecord>& components);
};

} // namespace sohoa::usecases
