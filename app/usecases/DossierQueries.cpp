// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/DossierQueries.h"

#include "domain/SearchFolding.h"
#include "domain/UserError.h"
#include "usecases/StoreAccess.h"

namespace sohoa::usecases {

std::vector<storage::DossierSummary> DossierQueries::list(storage::Store& store)
{
    return StoreAccess::guarded([&] { return store.listDossiers(); });
}

DossierView DossierQueries::show(storage::Store& store, const QString& dossierCode)
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

std::vector<storage::SearchHit> DossierQueries::search(storage::Store& store, const QString& query)
{
    return StoreAccess::guarded([&] { return store.searchPages(domain::searchTerms(query)); });
}

storage::CheckReport DossierQueries::check(storage::Store& store)
{
    return StoreAccess::guarded([&] { return store.check(); });
}

} // namespace sohoa::usecases
