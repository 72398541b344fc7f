// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/PgConnection.h"

#include <QByteArray>
#include <QString>

namespace sohoa::hub {

struct CatalogueImportResult
{
    long long revision = 0;    // the revision the hub serves after the import
    QString version;           // its label
    bool created = false;      // false: the file is the catalogue the hub already holds
    int proceduresChanged = 0; // new or changed
    int proceduresRemoved = 0;
    int agenciesChanged = 0;
    int agenciesRemoved = 0;
};

// `sohoa-hub admin catalogue import FILE.json` (docs/SYNC-PROTOCOL.md §7.1, §14.2): a
// Catalogue format 1 file, read by the workstation's own rules (domain::Catalogue), plus an
// optional `agencies` list ({code, name, parent_code, active}). In one transaction, what
// differs from the catalogue the hub holds becomes a new revision: new or changed procedures
// and agencies, and those the file no longer lists marked removed. A file without `agencies`
// leaves the agencies as they are. An identical file (same label, same content) stores
// nothing.
class CatalogueImport
{
public:
    // Throws sohoa::UserError or std::invalid_argument naming the faulty entry.
    static CatalogueImportResult run(PgConnection& connection, const QByteArray& json,
                                     const std::string& importedBy);
};

} // namespace sohoa::hub
