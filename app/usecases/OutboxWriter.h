// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/DossierLifecycle.h"
#include "storage/Store.h"
#include "usecases/SyncPayload.h"

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
    // The component's documents changed (captured, or replaced by their signed versions): a
    // component.attach row with the complete list as it is now, each document by the SHA-256
    // of its bytes, which the relay uploads first.
    static void componentChanged(storage::Store& store, std::int64_t componentId);
    // The dossier went through a lifecycle transition at this workstation: a
    // dossier.transition row with both states, the new national status and one progress entry.
    static void transitioned(storage::Store& store, const storage::DossierRecord& dossier,
                             const domain::DossierLifecycle::StateChange& change,
                             const ProgressEntry& progress);
    // A change the hub refused as stale, made again on the hub's version (§5.6): a new row
    // with a new key and the same operation and payload, based on the dossier's version now.
    static void requeued(storage::Store& store, const storage::OutboxRecord& discarded);
    // The automatic re-application of a stale dossier.update (§5.6): the row keeps its place
    // in the dossier's order but takes a new key and the hub's version as its base (its body
    // changes, so the old key may not carry it). Returns the row as it is now.
    static storage::OutboxRecord rebased(storage::Store& store, const storage::OutboxRecord& row,
                                         int hubVersion);
};

} // namespace sohoa::usecases
