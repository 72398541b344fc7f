// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

#include <QCoreApplication>
#include <vector>

namespace sohoa::usecases {

// One change of a dossier in conflict that the hub has not applied.
struct UnsentChange
{
    QString operation; // "dossier.transition", "component.attach", "dossier.update"...
    QString subject;   // the transition's stable name or the component's code; empty otherwise
    QDateTime writtenAt;
    bool parked = false; // refused by the hub (the later rows wait behind it)
};

// A dossier the hub and this store disagree on, as the officer sees it: never the applicant's
// ID.
struct SyncConflict
{
    QString dossierCode;
    QString reason; // the hub's decision with who took it and the remarks, or its refusal
    QString localState;
    int localVersion = 0;
    storage::HubCopy hub; // version 0: the hub's copy is not known yet (sync first)
    std::vector<UnsentChange> changes;
};

// What settling a conflict did.
struct SettledConflict
{
    QString dossierCode;
    QString state; // the dossier's state now
    int version = 0;
    std::vector<UnsentChange> discarded; // the rows removed
    int rowsQueued = 0;                  // new rows written by re-applying them
};

// The officer's choices on a dossier in conflict with the hub (docs/SYNC-PROTOCOL.md §5.6).
// Each settles it in one transaction: the local copy takes the hub's state, national status
// and version as the conflict reported them (so it works offline), the dossier's unsent rows
// are deleted and the conflict is cleared; re-applying then makes each discarded change again
// from there, through the lifecycle, as new rows with new keys.
class SyncConflicts
{
    Q_DECLARE_TR_FUNCTIONS(SyncConflicts)

public:
    static std::vector<SyncConflict> list(storage::Store& store);
    // Audited `sync-conflict-discarded` with the discarded operations. Throws UserError:
    // NotFound for an unknown code, InvalidInput when the dossier is not in conflict or the
    // hub's copy is not known.
    static SettledConflict acceptHub(storage::Store& store, const QString& dossierCode,
                                     const QString& officerId);
    // Audited `sync-conflict-reapplied`. Throws UserError(InvalidInput), changing nothing, when
    // a change cannot be made from the state it meets (the lifecycle refuses the transition,
    // the hub no longer takes documents, or it is not a change that can be made again), or
    // when there is nothing to re-apply; NotFound as acceptHub.
    static SettledConflict reapply(storage::Store& store, const QString& dossierCode,
                                   const QString& officerId);
};

} // namespace sohoa::usecases
