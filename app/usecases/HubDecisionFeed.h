// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "sync/HubClient.h"

#include <QCoreApplication>

namespace sohoa::usecases {

struct HubDecisionFeedResult
{
    int applied = 0;   // decisions that moved a dossier on
    int conflicts = 0; // decisions that put a dossier in conflict, for the officer to settle
    QString error;     // why the feed could not be read, for the officer (empty: it was)
};

// The hub's decisions on this workstation's dossiers (docs/SYNC-PROTOCOL.md §7.3), pulled
// before the outbox is sent so that conflicts are known first. Each page is applied in one
// transaction with the cursor after it: a decision goes through the lifecycle with the hub
// as its origin (the dossier takes the hub's version, the history shows who decided and their
// remarks, no outbox row); one the dossier has already seen is skipped (the feed is at least
// once); one the local dossier cannot take (it has unsent rows, or its state does not allow
// the decision) marks the dossier in conflict with the decision's remarks and the hub's state
// and version, for the officer to settle offline (SyncConflicts).
class HubDecisionFeed
{
    Q_DECLARE_TR_FUNCTIONS(HubDecisionFeed)

public:
    static HubDecisionFeedResult pull(storage::Store& store, const sync::HubClient& hub);
};

} // namespace sohoa::usecases
