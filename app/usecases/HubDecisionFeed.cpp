// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/HubDecisionFeed.h"

#include "domain/DossierLifecycle.h"
#include "usecases/StoreAccess.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace sohoa::usecases {

namespace {

using domain::DossierLifecycle;

constexpr auto kCursorSetting = "sync.returned_cursor";
constexpr auto kFeedPath = "/v1/returned-dossiers";
// The hub as the officer of the audit events its decisions leave.
constexpr auto kHubOfficer = "hub";
constexpr int kPageSize = 100;

// Who decided, as the history shows it: "name, title, department" without the empty parts.
QString deciderOf(const QJsonObject& item)
{
    const QJsonObject by = item.value("decided_by").toObject();
    QStringList parts;
    for (const char* field : {"officer_name", "officer_title", "department"})
        if (const QString part = by.value(QLatin1String(field)).toString(); !part.isEmpty())
            parts << part;
    return parts.join(QStringLiteral(", "));
}

// The decision as the dossier's history keeps it: what, at which hub version, who, remarks.
QString historyDetail(const QJsonObject& item)
{
    return QStringLiteral("%1 v%2; %3; %4")
        .arg(item.value("decision").toString())
        .arg(item.value("version").toInt())
        .arg(deciderOf(item), item.value("remarks").toString());
}

// Applies one feed item inside the page's transaction; returns whether it moved the dossier
// on (true), was already applied or is not this store's (nullopt), or conflicts (false).
std::optional<bool> applyItem(storage::Store& store, const QJsonObject& item)
{
    const QString uuid = item.value("dossier_uuid").toString();
    const std::optional<storage::DossierSyncState> local = store.dossierSyncState(uuid);
    const int version = item.value("version").toInt();
    // Each unsent row moved the local version on by one: the hub has seen the version before.
    if (!local || version <= local->version - local->unsentRows)
        return std::nullopt;
    const auto decision = DossierLifecycle::transitionFromString(item.value("decision").toString());
    const auto from = DossierLifecycle::stateFromString(local->state);
    const auto to = decision && from ? DossierLifecycle::next(*from, *decision) : std::nullopt;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (local->unsentRows > 0 || !to ||
        DossierLifecycle::toString(*to) != item.value("state").toString()) {
        const QString what =
            decision ? DossierLifecycle::displayName(*decision) : item.value("decision").toString();
        store.setSyncConflict(uuid,
                              HubDecisionFeed::tr("The provincial hub decided \"%1\" (%2): "
                                                  "%3")
                                  .arg(what, deciderOf(item), item.value("remarks").toString()),
                              storage::HubCopy{item.value("state").toString(),
                                               item.value("national_status").toInt(), version});
        store.appendEvent({0, uuid, now, QString::fromLatin1(kHubOfficer),
                           QStringLiteral("sync-conflict"), historyDetail(item)});
        return false;
    }
    store.setDossierHubState(uuid, DossierLifecycle::toString(*to),
                             domain::nationalCode(DossierLifecycle::nationalStatus(*to)), version);
    store.appendEvent({0, uuid, now, QString::fromLatin1(kHubOfficer),
                       QStringLiteral("hub-decision"), historyDetail(item)});
    return true;
}

} // namespace

HubDecisionFeedResult HubDecisionFeed::pull(storage::Store& store, const sync::HubClient& hub)
{
    HubDecisionFeedResult result;
    for (bool more = true; more;) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("limit"), QString::number(kPageSize));
        if (const auto cursor = StoreAccess::guarded(
                [&] { return store.setting(QString::fromLatin1(kCursorSetting)); }))
            query.addQueryItem(QStringLiteral("since"), *cursor);
        const sync::HubResponse response =
            hub.get(QString::fromLatin1(kFeedPath) + QLatin1Char('?') + query.toString());
        if (response.status != 200) {
            result.error = tr("The hub's decisions could not be read: %1").arg(response.failure());
            return result;
        }
        StoreAccess::guarded([&] {
            store.inTransaction([&] {
                for (const QJsonValue& item : response.json.value("items").toArray()) {
                    if (const std::optional<bool> applied = applyItem(store, item.toObject()))
                        (*applied ? result.applied : result.conflicts) += 1;
                }
                store.setSetting(QString::fromLatin1(kCursorSetting),
                                 response.json.value("next_cursor").toString());
            });
        });
        // An empty page ends the run whatever it says, so a confused hub cannot loop it.
        more = response.json.value("has_more").toBool() &&
               !response.json.value("items").toArray().isEmpty();
    }
    return result;
}

} // namespace sohoa::usecases
