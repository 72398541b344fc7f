// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/CivilStatusSource.h"

#include <QJsonObject>
#include <QStringList>

namespace sohoa::hub {

// The hub's own civil-status tables (migration 4): filled by `sohoa-hub admin
// seed-civil-status` for tests and demos, or by a province's import.
class CivilStatusTables : public CivilStatusSource
{
public:
    QString name() const override { return QStringLiteral("hub"); }
    CivilStatusRecords recordsOf(PgConnection& connection,
                                 const std::string& idNumber) const override;

    // Adds one record ("birth", "marriage" or "death") registered on `registeredOn`
    // (yyyy-MM-dd) that names `subjects` (ID numbers) as its registered people.
    static void add(PgConnection& connection, const QString& kind, const QString& registeredOn,
                    const QJsonObject& record, const QStringList& subjects);
    static long long recordCount(PgConnection& connection);
};

} // namespace sohoa::hub
