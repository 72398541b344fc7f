// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../server/DevHub.h"
#include "CliRunner.h"
#include "storage/Store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <memory>
#include <vector>

namespace sohoa::testing {

// A counter's store beside a real dev hub, as the sync tests drive them: `sohoa-cli sync
// --once` and `store show` on the store, `sohoa-hub admin decide` standing for the supervisor.
class HubSyncSession
{
public:
    HubSyncSession(CliRunner& cli, const DevHub& hub) : cli_(cli), hub_(hub) {}

    std::unique_ptr<storage::Store> openStore() const;
    // `count` dossiers written into the store offline (addOfflineDossier), numbered from a block
    // the hub reserved to `token` for `agency` on 5 December 2026; not yet synced.
    std::vector<storage::DossierRecord> addOfflineBacklog(const QString& token,
                                                          const QString& agency, int count) const;
    // One pass; its JSON report.
    QJsonObject sync() const;
    QJsonObject show(const QString& code) const;
    // The supervisor's `decision` on the hub (return, approve, request-supplement...), by Trần
    // Văn Bình, Trưởng phòng, with `remarks`; false when the hub refused it.
    bool decide(const QString& code, const QString& decision, const QString& remarks) const;
    // The history entries of `action` in a `store show` answer.
    static QJsonArray eventsOf(const QJsonObject& shown, const QString& action);

private:
    CliRunner& cli_;
    const DevHub& hub_;
};

} // namespace sohoa::testing
