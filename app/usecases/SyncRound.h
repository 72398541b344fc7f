// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "sync/HubClient.h"
#include "usecases/CataloguePull.h"
#include "usecases/CodeBlockTopUp.h"
#include "usecases/HubDecisionFeed.h"
#include "usecases/HubSettingsPull.h"
#include "usecases/OutboxRelay.h"

#include <optional>

namespace sohoa::usecases {

// The hub's first answers in a sync run: its clock, and dossier numbers reserved ahead.
struct HubContact
{
    std::optional<qint64> clockSkewSeconds; // nullopt: the hub did not answer its status
    bool clockWarning = false;              // off by more than kClockWarningSeconds (then audited)
    CodeBlockTopUpResult codeBlocks;

    bool reached() const { return clockSkewSeconds.has_value(); }
};

// One pass: what came down, and what went up.
struct SyncRoundResult
{
    HubSettingsResult settings;
    CataloguePullResult catalogue;
    HubDecisionFeedResult decisions;
    SyncPassResult pass;

    // Every failure of the pass for the officer, what came down first.
    QStringList errors() const;
    // The run cannot go on: the hub refused the token, or its key is not a pinned one.
    bool refused() const;
};

// A sync run as `sohoa-cli sync` and the window's sync worker both make it
// (docs/SYNC-PROTOCOL.md §14.1): contact first (status and clock check, code blocks), then
// passes. A pass takes the province's settings, catalogue and the hub's decisions before sending
// the outbox, so that a dossier they conflict with is known before its rows go out; a pass that
// delivered something keeps the token the hub accepted. Every step records its own result in
// the store, so a run cut anywhere goes on from there.
class SyncRound
{
public:
    static HubContact contact(storage::Store& store, const sync::HubClient& hub);
    // Without a contact (the hub did not answer its status), only the outbox is tried: it
    // reports how far the hub is.
    static SyncRoundResult pass(storage::Store& store, const sync::HubClient& hub,
                                const HubContact& contact, const RelayControl& control = {});
};

} // namespace sohoa::usecases
