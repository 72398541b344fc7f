// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/SyncRound.h"

#include "usecases/HubClock.h"
#include "usecases/HubToken.h"
#include "usecases/ProvinceSettings.h"

namespace sohoa::usecases {

QStringList SyncRoundResult::errors() const
{
    QStringList all;
    for (const QString& error : {settings.error, catalogue.error, decisions.error})
        if (!error.isEmpty())
            all << error;
    return all + pass.errors;
}

bool SyncRoundResult::refused() const
{
    return pass.stoppedBecause == QLatin1String("unauthorized") ||
           pass.stoppedBecause == QLatin1String("tls-pin-mismatch");
}

HubContact SyncRound::contact(storage::Store& store, const sync::HubClient& hub)
{
    HubContact contact;
    contact.clockSkewSeconds = hubClockSkewSeconds(hub);
    contact.clockWarning = auditClockSkew(store, contact.clockSkewSeconds, store.unlockedSlot());
    // Numbers for the coming days, once the hub has answered its status.
    if (contact.reached())
        contact.codeBlocks =
            CodeBlockTopUp::run(store, hub, ProvinceSettings::codeBlockPolicy(store),
                                QDate::currentDate(), store.unlockedSlot());
    return contact;
}

SyncRoundResult SyncRound::pass(storage::Store& store, const sync::HubClient& hub,
                                const HubContact& contact, const RelayControl& control)
{
    SyncRoundResult round;
    if (contact.reached()) {
        round.settings = HubSettingsPull::pull(store, hub);
        round.catalogue = CataloguePull::pull(store, hub);
        round.decisions = HubDecisionFeed::pull(store, hub);
    }
    round.pass = OutboxRelay::runOnce(store, hub, store.unlockedSlot(), control);
    if (round.pass.sent > 0)
        HubToken::keep(store, hub.connection().token, store.unlockedSlot());
    return round;
}

} // namespace sohoa::usecases
