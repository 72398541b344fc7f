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

namespace {

// The stored definition of a procedure the catalogue offers now, by national or provincial code.
std::optional<QJsonObject> definitionOf(PgConnection& connection, const QString& code)
{
    const std::optional<domain::ProcedureCode> parsed = domain::ProcedureCode::tryParse(code);
    if (!parsed)
        return std::nullopt;
    const PgResult row = connection.exec(
        "SELECT definition FROM catalogue_procedures WHERE code = $1 AND NOT removed",
        {parsed->baseText().toStdString()});
    if (row.rows() == 0)
        return std::nullopt;
    return QJsonDocument::fromJson(QByteArray::fromStdString(row.text(0, 0))).object();
}

} // namespace

std::optional<domain::Procedure> HubCatalogue::procedure(PgConnection& connection,
                                                         const QString& code)
{
    const std::optional<QJsonObject> definition = definitionOf(connection, code);
    if (!definition)
        return std::nullopt;
    // Stored definitions passed the same reading when they were imported.
    return domain::Catalogue::fromDefinitions(QStringLiteral("hub"), QJsonArray{*definition})
        .procedures()
        .front();
}

QJsonValue HubCatalogue::fieldCode(PgConnection& connection, const QString& procedureCode)
{
    const QString field = definitionOf(connection, procedureCode)
                              .value_or(QJsonObject{})
                              .value("fieldCode")
                              .toString();
    return field.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(field);
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
