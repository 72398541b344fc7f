// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/CatalogueApply.h"

#include "domain/AgencyCode.h"
#include "domain/Catalogue.h"
#include "domain/UserError.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sohoa::usecases {

namespace {

// The hub as the officer of the audit event.
constexpr auto kHub = "hub";

QStringList texts(const QJsonValue& list)
{
    QStringList values;
    for (const QJsonValue& value : list.toArray())
        values << value.toString();
    return values;
}

} // namespace

CatalogueUpdate CatalogueApply::read(const QJsonObject& answer)
{
    CatalogueUpdate update;
    update.revision = answer.value("revision").toInteger();
    update.version = answer.value("version").toString();
    update.complete = answer.value("complete").toBool();
    if (update.revision <= 0)
        return update; // the hub holds no catalogue
    const QJsonArray definitions = answer.value("procedures").toArray();
    const domain::Catalogue checked =
        domain::Catalogue::fromDefinitions(update.version, definitions);
    for (qsizetype i = 0; i < definitions.size(); ++i)
        update.procedures.emplace_back(
            checked.procedures().at(static_cast<size_t>(i)).code.toString(),
            QJsonDocument(definitions.at(i).toObject()).toJson(QJsonDocument::Compact));
    update.removedProcedures = texts(answer.value("removed_procedures"));
    for (const QJsonValue& value : answer.value("agencies").toArray()) {
        const QJsonObject agency = value.toObject();
        const QString code = agency.value("code").toString();
        if (!domain::AgencyCode::isValid(code) || agency.value("name").toString().isEmpty())
            throw UserError(ErrorKind::InvalidInput,
                            tr("The province's catalogue lists an agency without a valid code "
                               "and name (%1).")
                                .arg(code));
        update.agencies.push_back(
            {domain::AgencyCode::parse(code).toString(), agency.value("name").toString(),
             agency.value("parent_code").toString(), agency.value("active").toBool(true)});
    }
    update.removedAgencies = texts(answer.value("removed_agencies"));
    return update;
}

int CatalogueApply::apply(storage::Store& store, const CatalogueUpdate& update)
{
    if (update.complete)
        store.clearCatalogue();
    int procedures = 0;
    int procedureRemovals = 0;
    for (const auto& [code, definition] : update.procedures) {
        store.putCatalogueProcedure(code, update.version, definition);
        ++procedures;
    }
    for (const QString& code : update.removedProcedures)
        procedureRemovals += store.removeCatalogueProcedure(code) ? 1 : 0;
    int agencies = 0;
    int agencyRemovals = 0;
    for (const storage::CatalogueAgencyRecord& agency : update.agencies) {
        store.putCatalogueAgency(agency);
        ++agencies;
    }
    for (const QString& code : update.removedAgencies)
        agencyRemovals += store.removeCatalogueAgency(code) ? 1 : 0;
    store.setSetting(QString::fromLatin1(kCatalogueRevisionSetting),
                     QString::number(update.revision));
    store.setSetting(QString::fromLatin1(kCatalogueVersionSetting), update.version);

    const int changed = procedures + procedureRemovals + agencies + agencyRemovals;
    store.appendEvent(
        {0, QString(), QDateTime::currentDateTimeUtc(), QString::fromLatin1(kHub),
         QStringLiteral("catalogue-updated"),
         QStringLiteral("revision %1 (%2)%3: procedures %4 new or changed, %5 removed; agencies "
                        "%6 new or changed, %7 removed")
             .arg(update.revision)
             .arg(update.version, update.complete ? QStringLiteral(", complete") : QString())
             .arg(procedures)
             .arg(procedureRemovals)
             .arg(agencies)
             .arg(agencyRemovals)});
    return changed;
}

} // namespace sohoa::usecases
