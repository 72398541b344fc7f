// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "sync/HubClient.h"

#include <QCoreApplication>

namespace sohoa::usecases {

struct CataloguePullResult
{
    int changed = 0;     // procedures and agencies added, changed or removed
    qint64 revision = 0; // the catalogue revision the store holds afterwards (0: none)
    QString error;       // why the catalogue could not be read or applied, for the officer
};

// The province's catalogue (docs/SYNC-PROTOCOL.md §7.1), taken at each sync: asks for what
// changed since the revision the store holds and applies the answer in one transaction with
// the new revision (CatalogueApply). While the hub holds no catalogue, nothing is stored and
// the workstation keeps using the built-in one (ActiveCatalogue).
class CataloguePull
{
    Q_DECLARE_TR_FUNCTIONS(CataloguePull)

public:
    static CataloguePullResult pull(storage::Store& store, const sync::HubClient& hub);
};

} // namespace sohoa::usecases
