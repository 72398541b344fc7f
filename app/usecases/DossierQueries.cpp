// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/DossierQueries.h"

#include "domain/SearchFolding.h"
#include "domain/UserError.h"
#include "usecases/StoreAccess.h"

#include <QDateTime>

namespace sohoa::usecases {

std::vector<storage::DossierSummary> DossierQueries::list(storage::Store& store)
{
    return StoreAccess::guarded([&] { return store.listDossiers(); });
}

namespace {
void audit(storage::Store& store, const QString& dossierUuid, const QString& officerId,
           const QString& action, const QString& detail = {})
{
    store.inTransaction([&] {
        store.appendEvent(
            {0, dossierUuid, QDateTime::currentDateTimeUtc(), officerId, action, detail});
    });
}
} // namespace

DossierView DossierQueries::show(storage::Store& store, const QString& dossierCode,
                                 const QString& officerId)
{
    DossierView view = read(store, dossierCode);
    StoreAccess::guarded(
        [&] { audit(store, view.detail.dossier.uuid, officerId, QStringLiteral("viewed")); });
    return view;
}

DossierView DossierQueries::read(storage::Store& store, const QString& dossierCode)
{
    return StoreAccess::guarded([&] {
        auto detail = store.dossierByCode(dossierCode);
        if (!detail)
            throw UserError(ErrorKind::NotFound,
                            tr("No dossier with code %1 in this store.").arg(dossierCode));
        DossierView view{std::move(*detail), {}};
        view.history = store.events(view.detail.dossier.uuid);
        return view;
    });
}

std::vector<storage::SearchHit> DossierQueries::search(storage::Store& store, const QString& query,
                                                       const QString& officerId)
{
    return StoreAccess::guarded([&] {
        auto hits = store.searchPages(domain::searchTerms(query));
        audit(store, {}, officerId, QStringLiteral("searched"), QString::number(hits.size()));
        return hits;
    });
}

storage::CheckReport DossierQueries::check(storage::Store& store)
{
    return StoreAccess::guarded([&] { return store.check(); });
}

} // namespace sohoa::usecases
