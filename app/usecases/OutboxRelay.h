// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "sync/HubClient.h"
#include "usecases/CodeAssignment.h"

#include <QCoreApplication>
#include <QStringList>
#include <functional>
#include <stop_token>

namespace sohoa::usecases {

// What one pass over the outbox did.
struct SyncPassResult
{
    int sent = 0;      // rows the hub applied (or had applied: replays)
    int replayed = 0;  // of those, answered from the hub's record of an earlier delivery
    int deferred = 0;  // rows to try again later (the hub busy or unreachable)
    int parked = 0;    // rows the hub refused for good (shown to the officer)
    int conflicts = 0; // rows refused as stale: the dossier changed on the hub
    int pending = 0;   // rows left to send, parked ones not counted
    int filesUploaded = 0;
    qint64 bytesUploaded = 0;
    // Why the pass ended early: "" (it did not), "offline" (no answer), "hub-busy" (408, 429,
    // 5xx), "unauthorized" (401), "tls-pin-mismatch" (the hub's key is not a pinned one) or
    // "stopped" (the caller asked it to, RelayControl)
    QString stoppedBecause;
    QStringList errors; // one line per refusal or failure, for the officer
    // Provisional codes the hub replaced (the dossiers' receipts should be reprinted).
    std::vector<AssignedCode> codesAssigned;
};

// How the caller follows and ends a pass: `progress` hears of each row before it is handled
// (how many were handled, of how many), and a stop request ends the pass before the next row.
// The row in flight is finished and recorded first: the hub may already have applied it.
struct RelayControl
{
    std::function<void(int handled, int total)> progress;
    std::stop_token stop;
};

// The sync worker's relay (docs/SYNC-PROTOCOL.md §5): sends the outbox rows, each with its
// Idempotency-Key and the body built from the row alone (so a retry is the same request), a
// dossier's rows strictly in order and the next only after the previous was applied. A 200
// deletes the row in one transaction with its audit event and the hub's definitive code for a
// provisional one (CodeAssignment); a refusal parks it, holding back the dossier's later rows
// (a stale version also marks the dossier's conflict with the hub's copy, except for a
// dossier.update, which is sent again at once on the hub's version under a new key: §5.6); no
// answer, 408, 429 or 5xx leaves it for later with back-off and ends the pass. A dossier in
// conflict whose last row the hub applied takes the receipt's state and version. Delivery is
// at least once; the hub makes it exactly once.
class OutboxRelay
{
    Q_DECLARE_TR_FUNCTIONS(OutboxRelay)

public:
    static SyncPassResult runOnce(storage::Store& store, const sync::HubClient& hub,
                                  const QString& officerId, const RelayControl& control = {});
    // How long until the earliest pending row may be tried again (at most `longest`).
    static std::chrono::milliseconds untilNextAttempt(storage::Store& store,
                                                      std::chrono::milliseconds longest);
    // The request body of a row, as the hub receives it.
    static QByteArray requestBody(const storage::OutboxRecord& row);
};

} // namespace sohoa::usecases
