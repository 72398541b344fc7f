// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/CataloguePull.h"

#include "domain/UserError.h"
#include "usecases/CatalogueApply.h"
#include "usecases/StoreAccess.h"

namespace sohoa::usecases {

namespace {

constexpr auto kCataloguePath = "/v1/catalogue";

} // namespace

CataloguePullResult CataloguePull::pull(storage::Store& store, const sync::HubClient& hub)
{
    CataloguePullResult result;
    const QString revision = StoreAccess::guarded([&] {
        return store.setting(QString::fromLatin1(kCatalogueRevisionSetting))
            .value_or(QStringLiteral("0"));
    });
    result.revision = revision.toLongLong();
    const sync::HubResponse response =
        hub.get(QString::fromLatin1(kCataloguePath) + QStringLiteral("?since=") + revision);
    if (response.status != 200) {
        result.error = tr("The province's catalogue could not be read: %1").arg(response.failure());
        return result;
    }
    CatalogueUpdate update;
    try {
        update = CatalogueApply::read(response.json);
    } catch (const UserError& refused) {
        // Nothing of this revision is taken; the next sync asks again.
        result.error = tr("The province's catalogue was not applied: %1").arg(refused.message());
        return result;
    }
    // The same revision comes with empty lists.
    if (update.revision <= 0 || (update.revision == result.revision && !update.complete))
        return result;
    StoreAccess::guarded([&] {
        store.inTransaction([&] { result.changed = CatalogueApply::apply(store, update); });
    });
    result.revision = update.revision;
    return result;
}

} // namespace sohoa::usecases
