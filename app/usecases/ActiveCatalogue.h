// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Catalogue.h"
#include "storage/Store.h"

namespace sohoa::usecases {

// The catalogue dossiers are made with: the province's, once a sync has stored one
// (CataloguePull), else the built-in starter catalogue.
class ActiveCatalogue
{
public:
    // Throws UserError for a store that cannot be read.
    static domain::Catalogue of(storage::Store& store);
};

} // namespace sohoa::usecases
