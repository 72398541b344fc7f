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

// Questions about the store, shared by the CLI and the GUI. Reads that take personal data out
// of the store for someone to see (showing a dossier, looking a citizen up) are audited.
class DossierQueries
{
    Q_DECLARE_TR_FUNCTIONS(DossierQueries)

public:
    static std::vector<storage::DossierSummary> list(storage::Store& store);
    // Throws UserError(NotFound) for an unknown code. Audited as "viewed".
    static DossierView show(storage::Store& store, const QString& dossierCode,
                            const QString& officerId);
    // The same without an audit event, for use cases that audit their own purpose.
    // The dossier with its components and documents; throws UserError(NotFound).
    static storage::DossierDetail detail(storage::Store& store, const QString& dossierCode);
    static DossierView read(storage::Store& store, const QString& dossierCode);
    static storage::CheckReport check(storage::Store& store);
    // Pages whose OCR text contains every word of `query`, with or without diacritics.
    // Audited as "searched" with the number of hits (never the query: it may be a name).
    static std::vector<storage::SearchHit> search(storage::Store& store, const QString& query,
                                                  const QString& officerId);
};

} // namespace sohoa::usecases
