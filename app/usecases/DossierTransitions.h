// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/DossierLifecycle.h"
#include "storage/Store.h"

#include <optional>

namespace sohoa::usecases {

// Moves a stored dossier through the lifecycle (domain/DossierLifecycle), inside the caller's
// transaction, so that the new state, its audit event and the dossier.transition outbox row
// that tells the hub (docs/SYNC-PROTOCOL.md §5.1) stand or fall together.
class DossierTransitions
{
public:
    // Applies `transition` when the lifecycle allows it from the dossier's current state and
    // returns the change; nullopt (and nothing changes) when it does not, or when the store
    // holds no such dossier. `note` is the progress entry's NoiDungXuLy: no ID numbers.
    static std::optional<domain::DossierLifecycle::StateChange>
    tryApply(storage::Store& store, const QString& dossierUuid,
             domain::DossierTransition transition, const QString& officerId,
             const QString& note = {});
};

} // namespace sohoa::usecases
