// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

#include <QCoreApplication>

namespace sohoa::usecases {

struct DossierView
{
    storage::DossierDetail detail;
    std::vector<storage::EventRecord> history;
};

// Read-only questions about the store, shared by the CLI and the GUI.
class DossierQueries
{
    Q_DECLARE_TR_FUNCTIONS(DossierQueries)

public:
    static std::vector<storage::DossierSummary> list(storage::Store& store);
    // Throws UserError(NotFound) for an unknown code.
    static DossierView show(storage::Store& store, const QString& dossierCode);
    static storage::CheckReport check(storage::Store& store);
    // Pages whose OCR text contains every word of `query`, with or without diacritics.
    static std::vector<storage::SearchHit> search(storage::Store& store, const QString& query);
};

} // namespace sohoa::usecases
