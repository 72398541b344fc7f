// SPDX-License-Identifier: GPL-3.0-or-later
// The Store's copy of the province's catalogue (docs/SYNC-PROTOCOL.md §7.1).
#include "storage/Sqlite.h"
#include "storage/Store.h"

namespace sohoa::storage {

void Store::clearCatalogue()
{
    db_->exec("DELETE FROM catalogue_procedures; DELETE FROM catalogue_agencies;");
}

void Store::putCatalogueProcedure(const QString& code, const QString& version,
                                  const QByteArray& definition)
{
    Statement upsert(*db_, "INSERT INTO catalogue_procedures(code, catalogue_version, definition) "
                           "VALUES (?, ?, ?) ON CONFLICT(code) DO UPDATE SET "
                           "catalogue_version = excluded.catalogue_version, "
                           "definition = excluded.definition");
    upsert.bind(1, code).bind(2, version).bind(3, QString::fromUtf8(definition)).run();
}

bool Store::removeCatalogueProcedure(const QString& code)
{
    Statement remove(*db_, "DELETE FROM catalogue_procedures WHERE code = ?");
    remove.bind(1, code).run();
    return db_->changes() > 0;
}

void Store::putCatalogueAgency(const CatalogueAgencyRecord& agency)
{
    Statement upsert(*db_, "INSERT INTO catalogue_agencies(code, name, parent_code, active) "
                           "VALUES (?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET "
                           "name = excluded.name, parent_code = excluded.parent_code, "
                           "active = excluded.active");
    upsert.bind(1, agency.code)
        .bind(2, agency.name)
        .bind(3, agency.parentCode)
        .bind(4, agency.active ? 1 : 0)
        .run();
}

bool Store::removeCatalogueAgency(const QString& code)
{
    Statement remove(*db_, "DELETE FROM catalogue_agencies WHERE code = ?");
    remove.bind(1, code).run();
    return db_->changes() > 0;
}

std::vector<QByteArray> Store::catalogueProcedureDefinitions()
{
    Statement select(*db_, "SELECT definition FROM catalogue_procedures ORDER BY code");
    std::vector<QByteArray> definitions;
    while (select.step())
        definitions.push_back(select.text(0).toUtf8());
    return definitions;
}

} // namespace sohoa::storage
