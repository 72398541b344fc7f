// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/CatalogueCheck.h"

#include "domain/Catalogue.h"
#include "domain/UserError.h"
#include "server/HubCatalogue.h"

#include <QJsonArray>

namespace sohoa::hub {

namespace {

// A procedure the catalogue does not offer is refused only by a hub that holds a catalogue.
std::optional<ApiError> procedureRefusal(PgConnection& connection, const QString& code)
{
    if (HubCatalogue::head(connection).revision == 0)
        return std::nullopt;
    return ApiError(422, QStringLiteral("procedure-unknown"),
                    QStringLiteral("Procedure code %1 is unknown to the province.").arg(code),
                    QStringLiteral("Mã thủ tục %1 không có trong danh mục của tỉnh.").arg(code),
                    QJsonObject{{"pointer", "/payload/dossier/procedure_code"}});
}

std::optional<ApiError> componentRefusal(const domain::Procedure& procedure, const QString& code,
                                         const QString& pointer)
{
    try {
        domain::Catalogue::resolveComponent(procedure, code);
        return std::nullopt;
    } catch (const UserError&) {
        const QString procedureCode = procedure.code.toString();
        return ApiError(
            422, QStringLiteral("component-unknown"),
            QStringLiteral("Component %1 is not part of procedure %2 in the province's "
                           "catalogue.")
                .arg(code, procedureCode),
            QStringLiteral("Thành phần %1 không thuộc thủ tục %2 trong danh mục của tỉnh.")
                .arg(code, procedureCode),
            QJsonObject{{"pointer", pointer}});
    }
}

std::optional<ApiError> creationRefusal(PgConnection& connection, const QJsonObject& dossier)
{
    const QString code = dossier.value("procedure_code").toString();
    const auto procedure = HubCatalogue::procedure(connection, code);
    if (!procedure)
        return procedureRefusal(connection, code);
    const QJsonArray components = dossier.value("components").toArray();
    for (qsizetype i = 0; i < components.size(); ++i)
        if (auto refusal =
                componentRefusal(*procedure, components.at(i).toObject().value("code").toString(),
                                 QStringLiteral("/payload/dossier/components/%1/code").arg(i)))
            return refusal;
    return std::nullopt;
}

} // namespace

std::optional<ApiError> CatalogueCheck::refusal(PgConnection& connection,
                                                const std::string& operation,
                                                const QJsonObject& payload, const QJsonObject& held)
{
    const QJsonObject dossier = payload.value("dossier").toObject();
    if (operation == "dossier.create")
        return creationRefusal(connection, dossier);
    if (operation == "dossier.update") {
        // A correction that leaves the procedure alone is not checked against the catalogue.
        const QString code = dossier.value("procedure_code").toString();
        if (!dossier.contains(QLatin1String("procedure_code")) ||
            code == held.value("procedure_code").toString() ||
            HubCatalogue::procedure(connection, code))
            return std::nullopt;
        return procedureRefusal(connection, code);
    }
    if (operation == "component.attach") {
        const auto procedure =
            HubCatalogue::procedure(connection, held.value("procedure_code").toString());
        return procedure
                   ? componentRefusal(
                         *procedure, payload.value("component").toObject().value("code").toString(),
                         QStringLiteral("/payload/component/code"))
                   : std::nullopt;
    }
    return std::nullopt;
}

} // namespace sohoa::hub
