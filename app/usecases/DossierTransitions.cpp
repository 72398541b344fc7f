// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/DossierTransitions.h"

#include "usecases/OutboxWriter.h"

#include <QDateTime>

namespace sohoa::usecases {

std::optional<domain::DossierLifecycle::StateChange>
DossierTransitions::tryApply(storage::Store& store, const QString& dossierUuid,
                             domain::DossierTransition transition, const QString& officerId,
                             const QString& note)
{
    using domain::DossierLifecycle;
    // Read inside the transaction: the state (and the test-data mark) as this change sees it.
    const std::optional<storage::DossierRecord> dossier = store.dossierByUuid(dossierUuid);
    if (!dossier)
        return std::nullopt;
    const auto from = DossierLifecycle::stateFromString(dossier->state);
    if (!from || !DossierLifecycle::allows(*from, transition))
        return std::nullopt;
    const DossierLifecycle::StateChange change = DossierLifecycle::apply(*from, transition);
    const QDateTime at = QDateTime::currentDateTimeUtc();
    store.setDossierState(dossierUuid, DossierLifecycle::toString(change.to),
                          domain::nationalCode(DossierLifecycle::nationalStatus(change.to)));
    store.appendEvent({0, dossierUuid, at, officerId,
                       QStringLiteral("transition:") + DossierLifecycle::toString(transition),
                       DossierLifecycle::toString(change.to)});
    // The store knows an officer by the label of their key slot, which is their name.
    OutboxWriter::transitioned(store, *dossier, change,
                               ProgressEntry{officerId, officerId, at, note});
    return change;
}

} // namespace sohoa::usecases
