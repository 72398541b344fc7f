// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/DossierQueries.h"

#include "domain/SearchFolding.h"
#include "domain/UserError.h"
#include "usecases/AuditTrail.h"
#include "usecases/StoreAccess.h"

namespace sohoa::usecases {

std::vector<storage::DossierSummary> DossierQueries::list(storage::Store& store)
{
    return StoreAccess::guarded([&] { return store.listDossiers(); });
}

DossierView DossierQueries::show(storage::Store& store, const QString& dossierCode,
                                 const QString& officerId)
{
    DossierView view = read(store, dossierCode);
    StoreAccess::guarded(
        [&] { recordEvent(store, view.detail.dossier.uuid, officerId, QStringLiteral("viewed")); });
    return view;
}

storage::DossierDetail DossierQueries::detail(storage::Store& store, const QString& dossierCode)
{
    auto found = StoreAccess::guarded([&] { return store.dossierByCode(dossierCode); });
    if (!found)
        throw UserError(ErrorKind::NotFound,
                        tr("No dossier with code %1 in this store.").arg(dossierCode));
    return std::move(*found);
}

DossierView DossierQueries::read(storage::Store& store, const QString& dossierCode)
{
    DossierView view{detail(store, dossierCode), {}};
    view.history = StoreAccess::guarded([&] { return store.events(view.detail.dossier.uuid); });
    return view;
}

std::vector<storage::SearchHit> DossierQueries::search(storage::Store& store, const QString& query,
                                                       const QString& officerId)
{
    return StoreAccess::guarded([&] {
        auto hits = store.searchPages(domain::searchTerms(query));
        recordEvent(store, {}, officerId, QStringLiteral("searched"), QString::number(hits.size()));
        return hits;
    });
}

storage::CheckReport DossierQueries::check(storage::Store& store)
{
    return StoreAccess::guarded([&] { return store.check(); });
}

} // namespace sohoa::usecases
