// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Procedure.h"
#include "server/PgConnection.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace sohoa::hub {

// The province's catalogue as the hub holds it (docs/SYNC-PROTOCOL.md §7.1): the latest
// revision and the procedures it offers. Imports are CatalogueImport's, the feed
// CatalogueFeed's.
class HubCatalogue
{
public:
    struct Head
    {
        long long revision = 0; // 0: the hub holds no catalogue
        QString version;        // the province's label of that revision
    };
    static Head head(PgConnection& connection);

    // A procedure the catalogue offers now (not removed), found by its national code or by a
    // provincial code with an agency suffix, read by the workstation's rules
    // (domain::Catalogue); nullopt for a code it does not offer or cannot be one.
    static std::optional<domain::Procedure> procedure(PgConnection& connection,
                                                      const QString& code);
    // The procedure's MaLinhVuc (`fieldCode` of its definition); null when the catalogue does
    // not give one or does not offer the procedure.
    static QJsonValue fieldCode(PgConnection& connection, const QString& procedureCode);
    // An agency as the feed serves it ({code, name, parent_code, active}) from a row of
    // catalogue_agencies selected as `code, name, parent_code, active`.
    static QJsonObject agency(const PgResult& rows, int row);
};

} // namespace sohoa::hub
