// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/SyncConflicts.h"

#include "domain/DossierLifecycle.h"
#include "domain/UserError.h"
#include "usecases/DossierQueries.h"
#include "usecases/DossierTransitions.h"
#include "usecases/OutboxWriter.h"
#include "usecases/StoreAccess.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace sohoa::usecases {

namespace {

using domain::DossierLifecycle;

constexpr auto kTransition = "dossier.transition";
constexpr auto kAttach = "component.attach";
constexpr auto kUpdate = "dossier.update";

QJsonObject payloadOf(const storage::OutboxRecord& row)
{
    return QJsonDocument::fromJson(row.payload.toUtf8()).object();
}

// What a row changes, named without its payload (which may hold the applicant's ID).
UnsentChange changeOf(const storage::OutboxRecord& row)
{
    const QJsonObject payload = payloadOf(row);
    QString subject;
    if (row.operation == QLatin1String(kTransition))
        subject = payload.value("transition").toString();
    else if (row.operation == QLatin1String(kAttach))
        subject = payload.value("component").toObject().value("code").toString();
    return UnsentChange{row.operation, subject, row.createdAt, row.parkedAt.isValid()};
}

std::vector<UnsentChange> changesOf(const std::vector<storage::OutboxRecord>& rows)
{
    std::vector<UnsentChange> changes;
    for (const storage::OutboxRecord& row : rows)
        changes.push_back(changeOf(row));
    return changes;
}

// "dossier.transition withdraw; component.attach TP1", for the audit event.
QString listed(const std::vector<UnsentChange>& changes)
{
    QStringList parts;
    for (const UnsentChange& change : changes)
        parts << (change.subject.isEmpty() ? change.operation
                                           : change.operation + QLatin1Char(' ') + change.subject);
    return parts.join(QStringLiteral("; "));
}

QString stateName(const QString& state)
{
    const auto known = DossierLifecycle::stateFromString(state);
    return known ? DossierLifecycle::displayName(*known) : state;
}

// The hub takes a component's documents only while the dossier is being received or signed
// (docs/SYNC-PROTOCOL.md §5.4, step 6).
bool hubTakesDocuments(const QString& state)
{
    return state == QLatin1String("draft") || state == QLatin1String("captured") ||
           state == QLatin1String("signed");
}

void requireSettleable(const storage::DossierRecord& dossier)
{
    if (dossier.syncConflict.isEmpty())
        throw UserError(ErrorKind::InvalidInput,
                        SyncConflicts::tr("Dossier %1 is not in conflict with the provincial hub.")
                            .arg(dossier.code));
    if (dossier.conflictHubCopy.version == 0)
        throw UserError(ErrorKind::InvalidInput,
                        SyncConflicts::tr("The provincial hub's copy of dossier %1 is not known "
                                          "yet: sync first, then settle the conflict.")
                            .arg(dossier.code));
}

UserError refusal(const storage::DossierRecord& dossier, const QString& change,
                  const QString& state)
{
    return UserError(ErrorKind::InvalidInput,
                     SyncConflicts::tr("Dossier %1 cannot take \"%2\" once it is \"%3\"; nothing "
                                       "was changed. Accept the provincial hub's version instead.")
                         .arg(dossier.code, change, stateName(state)));
}

// Makes the change of `row` again, from the state the dossier has now (the hub's, or where the
// changes re-applied before it led), as new rows based on the dossier's version.
void reapplyOne(storage::Store& store, const storage::DossierDetail& detail,
                const storage::OutboxRecord& row, const QString& officerId)
{
    const storage::DossierRecord& dossier = detail.dossier;
    const QJsonObject payload = payloadOf(row);
    const QString state = store.dossierSyncState(dossier.uuid).value().state;
    if (row.operation == QLatin1String(kTransition)) {
        const auto transition =
            DossierLifecycle::transitionFromString(payload.value("transition").toString());
        const QString note = payload.value("progress").toObject().value("note").toString();
        if (transition &&
            DossierTransitions::tryApply(store, dossier.uuid, *transition, officerId, note))
            return;
        throw refusal(dossier,
                      transition ? DossierLifecycle::displayName(*transition)
                                 : payload.value("transition").toString(),
                      state);
    }
    if (row.operation == QLatin1String(kAttach)) {
        const QString code = payload.value("component").toObject().value("code").toString();
        for (const storage::ComponentDetail& component : detail.components)
            if (component.component.code == code && hubTakesDocuments(state)) {
                OutboxWriter::componentChanged(store, component.component.id);
                return;
            }
        throw refusal(dossier, SyncConflicts::tr("the documents of %1").arg(code), state);
    }
    if (row.operation == QLatin1String(kUpdate)) {
        OutboxWriter::requeued(store, row);
        return;
    }
    throw refusal(dossier, row.operation, state);
}

// Within one transaction: the local copy becomes the hub's, the unsent rows are deleted, the
// conflict is cleared, and with `reapply` each deleted change is made again; audited.
SettledConflict settle(storage::Store& store, const QString& dossierCode, const QString& officerId,
                       bool reapply)
{
    SettledConflict settled;
    StoreAccess::guarded([&] {
        store.inTransaction([&] {
            const storage::DossierDetail detail = DossierQueries::detail(store, dossierCode);
            const storage::DossierRecord& dossier = detail.dossier;
            requireSettleable(dossier);
            const std::vector<storage::OutboxRecord> rows = store.outboxOfDossier(dossier.uuid);
            if (reapply && rows.empty())
                throw UserError(ErrorKind::InvalidInput,
                                SyncConflicts::tr("Dossier %1 has no unsent change to make "
                                                  "again: accept the provincial hub's version.")
                                    .arg(dossier.code));
            const storage::HubCopy& hub = dossier.conflictHubCopy;
            store.setDossierHubState(dossier.uuid, hub.state, hub.nationalStatus, hub.version);
            for (const storage::OutboxRecord& row : rows)
                store.deleteOutbox(row.id);
            store.clearSyncConflict(dossier.uuid);
            if (reapply)
                for (const storage::OutboxRecord& row : rows)
                    reapplyOne(store, detail, row, officerId);

            const storage::DossierSyncState now = store.dossierSyncState(dossier.uuid).value();
            settled = SettledConflict{dossier.code, now.state, now.version, changesOf(rows),
                                      now.unsentRows};
            store.appendEvent({0, dossier.uuid, QDateTime::currentDateTimeUtc(), officerId,
                               reapply ? QStringLiteral("sync-conflict-reapplied")
                                       : QStringLiteral("sync-conflict-discarded"),
                               QStringLiteral("%1 -> %2 v%3")
                                   .arg(listed(settled.discarded), now.state)
                                   .arg(now.version)});
        });
    });
    return settled;
}

} // namespace

std::vector<SyncConflict> SyncConflicts::list(storage::Store& store)
{
    return StoreAccess::guarded([&] {
        std::vector<SyncConflict> conflicts;
        for (const storage::DossierRecord& dossier : store.dossiersInConflict())
            conflicts.push_back(SyncConflict{dossier.code, dossier.syncConflict, dossier.state,
                                             dossier.version, dossier.conflictHubCopy,
                                             changesOf(store.outboxOfDossier(dossier.uuid))});
        return conflicts;
    });
}

SettledConflict SyncConflicts::acceptHub(storage::Store& store, const QString& dossierCode,
                                         const QString& officerId)
{
    return settle(store, dossierCode, officerId, false);
}

SettledConflict SyncConflicts::reapply(storage::Store& store, const QString& dossierCode,
                                       const QString& officerId)
{
    return settle(store, dossierCode, officerId, true);
}

} // namespace sohoa::usecases
