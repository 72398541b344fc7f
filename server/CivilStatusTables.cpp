// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/CivilStatusTables.h"

#include "server/PgConnection.h"

#include <QJsonDocument>

namespace sohoa::hub {

CivilStatusRecords CivilStatusTables::recordsOf(PgConnection& connection,
                                                const std::string& idNumber) const
{
    try {
        const PgResult rows =
            connection.exec("SELECT r.kind, r.record FROM civil_status_subjects s "
                            "JOIN civil_status_records r ON r.id = s.record_id "
                            "WHERE s.id_number = $1 ORDER BY r.registered_on, r.id",
                            {idNumber});
        CivilStatusRecords records;
        for (int row = 0; row < rows.rows(); ++row) {
            const QJsonObject record =
                QJsonDocument::fromJson(QByteArray::fromStdString(rows.text(row, 1))).object();
            const std::string kind = rows.text(row, 0);
            if (kind == "birth")
                records.births.append(record);
            else if (kind == "marriage")
                records.marriages.append(record);
            else
                records.deaths.append(record);
        }
        return records;
    } catch (const PgError& error) {
        // A lost database is the hub's own outage (503 from the caller); anything else means
        // the tables cannot serve, which the officer sees as the source being unavailable.
        if (error.connectionLost())
            throw;
        throw CivilStatusUnavailable(error.what());
    }
}

void CivilStatusTables::add(PgConnection& connection, const QString& kind,
                            const QString& registeredOn, const QJsonObject& record,
                            const QStringList& subjects)
{
    const PgResult inserted = connection.exec(
        "INSERT INTO civil_status_records(kind, registered_on, record) VALUES ($1, $2, $3) "
        "RETURNING id",
        {kind.toStdString(), registeredOn.toStdString(),
         QJsonDocument(record).toJson(QJsonDocument::Compact).toStdString()});
    const std::string id = inserted.text(0, 0);
    for (const QString& subject : subjects)
        connection.exec("INSERT INTO civil_status_subjects(id_number, record_id) VALUES ($1, $2) "
                        "ON CONFLICT DO NOTHING",
                        {subject.toStdString(), id});
}

long long CivilStatusTables::recordCount(PgConnection& connection)
{
    return connection.exec("SELECT count(*) FROM civil_status_records").integer(0, 0);
}

} // namespace sohoa::hub
