// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/HubCatalogue.h"

#include "domain/Catalogue.h"
#include "domain/ProcedureCode.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sohoa::hub {

HubCatalogue::Head HubCatalogue::head(PgConnection& connection)
{
    const PgResult latest = connection.exec(
        "SELECT revision, version FROM catalogue_revisions ORDER BY revision DESC LIMIT 1");
    if (latest.rows() == 0)
        return {};
    return Head{latest.integer(0, 0), QString::fromStdString(latest.text(0, 1))};
}

std::optional<domain::Procedure> HubCatalogue::procedure(PgConnection& connection,
                                                         const QString& code)
{
    const std::optional<domain::ProcedureCode> parsed = domain::ProcedureCode::tryParse(code);
    if (!parsed)
        return std::nullopt;
    const PgResult row = connection.exec(
        "SELECT definition FROM catalogue_procedures WHERE code = $1 AND NOT removed",
        {parsed->baseText().toStdString()});
    if (row.rows() == 0)
        return std::nullopt;
    const QJsonObject definition =
        QJsonDocument::fromJson(QByteArray::fromStdString(row.text(0, 0))).object();
    // Stored definitions passed the same reading when they were imported.
    return domain::Catalogue::fromDefinitions(QStringLiteral("hub"), QJsonArray{definition})
        .procedures()
        .front();
}

QJsonObject HubCatalogue::agency(const PgResult& rows, int row)
{
    return QJsonObject{{"code", QString::fromStdString(rows.text(row, 0))},
                       {"name", QString::fromStdString(rows.text(row, 1))},
                       {"parent_code", rows.isNull(row, 2)
                                           ? QJsonValue(QJsonValue::Null)
                                           : QJsonValue(QString::fromStdString(rows.text(row, 2)))},
                       {"active", rows.text(row, 3) == "t"}};
}

} // namespace sohoa::hub
