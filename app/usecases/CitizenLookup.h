// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "sync/HubClient.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace sohoa::usecases {

// What the officer asks the provincial hub about a citizen (docs/SYNC-PROTOCOL.md §11).
struct CitizenLookupRequest
{
    enum class Kind
    {
        Documents,  // earlier digitized documents, to reuse instead of scanning again
        CivilStatus // the personal civil-status book: births, marriages, deaths
    };

    Kind kind = Kind::Documents;
    QString identifier;  // as typed; validated and normalized before it leaves the workstation
    QString officerId;   // who asks
    QString purposeCode; // dossier-reception, document-reuse, identity-check...
    QString dossierCode; // the local dossier the look-up serves, if any
    QString purposeText; // optional, at most 200 characters, no ID numbers
};

// An online look-up about one citizen, a deliberate act of the officer: the purpose travels
// with it, the hub audits it, and the workstation's audit trail records it with the ID masked.
// Nothing of the answer is stored: documents the officer reuses are attached separately.
class CitizenLookup
{
    Q_DECLARE_TR_FUNCTIONS(CitizenLookup)

public:
    // The hub's answer (DocumentLookupResponse or CivilStatusLookupResponse). Throws
    // UserError: InvalidInput for a malformed ID or purpose, NotFound for an unknown dossier,
    // Network when the hub cannot be reached or answers 5xx, AccessDenied for a refused token,
    // InvalidInput with the hub's message for another refusal.
    static QJsonObject run(storage::Store& store, const sync::HubClient& hub,
                           const CitizenLookupRequest& request);
};

} // namespace sohoa::usecases
