// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <utility>
#include <vector>

namespace sohoa::usecases {

// One GET /v1/catalogue answer (docs/SYNC-PROTOCOL.md §7.1), read and checked.
struct CatalogueUpdate
{
    qint64 revision = 0;
    QString version;
    bool complete = false;                                  // replaces the whole local catalogue
    std::vector<std::pair<QString, QByteArray>> procedures; // national code, definition (JSON)
    QStringList removedProcedures;
    std::vector<storage::CatalogueAgencyRecord> agencies;
    QStringList removedAgencies;
};

// Puts the province's catalogue into the store: a complete answer replaces the local copy, a
// partial one adds, replaces and removes entries; the revision and its label are stored with
// them, and the change is audited `catalogue-updated` by "hub".
class CatalogueApply
{
    Q_DECLARE_TR_FUNCTIONS(CatalogueApply)

public:
    // Every procedure is read by the rules of a catalogue file (domain::Catalogue), so that
    // what the store holds always makes a catalogue. Throws UserError(InvalidInput) naming
    // what is wrong.
    static CatalogueUpdate read(const QJsonObject& answer);
    // Within a transaction. Returns the number of procedures and agencies added, changed or
    // removed.
    static int apply(storage::Store& store, const CatalogueUpdate& update);
};

// The settings holding the stored catalogue's revision and label.
inline constexpr auto kCatalogueRevisionSetting = "sync.catalogue_revision";
inline constexpr auto kCatalogueVersionSetting = "sync.catalogue_version";

} // namespace sohoa::usecases
