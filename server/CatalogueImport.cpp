// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/CatalogueImport.h"

#include "domain/AgencyCode.h"
#include "domain/Catalogue.h"
#include "server/HubCatalogue.h"
#include "server/PgTransaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <map>
#include <stdexcept>

namespace sohoa::hub {

namespace {

// Entries by code: procedure definitions, or agency objects as the feed serves them.
using Entries = std::map<QString, QJsonObject>;

struct Diff
{
    Entries changed;
    QStringList removed;
    bool empty() const { return changed.empty() && removed.isEmpty(); }
};

[[noreturn]] void fail(const QString& message)
{
    throw std::invalid_argument(message.toStdString());
}

// The file's procedures by canonical code, definitions verbatim; the file passed
// domain::Catalogue's reading, whose procedures are in the file's order.
Entries proceduresOf(const QJsonObject& root, const domain::Catalogue& checked)
{
    Entries procedures;
    const QJsonArray definitions = root.value("procedures").toArray();
    for (qsizetype i = 0; i < definitions.size(); ++i) {
        const QJsonObject definition = definitions.at(i).toObject();
        const QJsonValue fieldCode = definition.value("fieldCode");
        if (!fieldCode.isUndefined() && fieldCode.toString().trimmed().isEmpty())
            fail(QStringLiteral("procedures[%1].fieldCode must be a non-empty text").arg(i));
        procedures.emplace(checked.procedures().at(static_cast<size_t>(i)).code.toString(),
                           definition);
    }
    return procedures;
}

QString agencyCode(const QJsonValue& value, const QString& where)
{
    QString why;
    const auto code = domain::AgencyCode::tryParse(value.toString(), &why);
    if (!code)
        fail(where + QStringLiteral(": ") + why);
    return code->toString();
}

Entries agenciesOf(const QJsonArray& list)
{
    Entries agencies;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("agencies[%1]").arg(i);
        const QJsonObject entry = list.at(i).toObject();
        const QString code = agencyCode(entry.value("code"), where + QStringLiteral(".code"));
        const QString name = entry.value("name").toString().trimmed();
        if (name.isEmpty())
            fail(where + QStringLiteral(".name must be a non-empty text"));
        const QJsonValue parent = entry.value("parent_code");
        const QJsonValue active = entry.value("active");
        if (!active.isUndefined() && !active.isBool())
            fail(where + QStringLiteral(".active must be true or false"));
        const QJsonValue parentCode =
            parent.isUndefined() || parent.isNull()
                ? QJsonValue(QJsonValue::Null)
                : QJsonValue(agencyCode(parent, where + QStringLiteral(".parent_code")));
        if (!agencies
                 .emplace(code, QJsonObject{{"code", code},
                                            {"name", name.normalized(QString::NormalizationForm_C)},
                                            {"parent_code", parentCode},
                                            {"active", active.toBool(true)}})
                 .second)
            fail(where + QStringLiteral(": agency code %1 is listed twice").arg(code));
    }
    return agencies;
}

// What the hub offers now (removed entries are not offered: listed again, they come back).
Entries heldProcedures(PgConnection& connection)
{
    Entries held;
    const PgResult rows =
        connection.exec("SELECT code, definition FROM catalogue_procedures WHERE NOT removed");
    for (int row = 0; row < rows.rows(); ++row)
        held.emplace(
            QString::fromStdString(rows.text(row, 0)),
            QJsonDocument::fromJson(QByteArray::fromStdString(rows.text(row, 1))).object());
    return held;
}

Entries heldAgencies(PgConnection& connection)
{
    Entries held;
    const PgResult rows = connection.exec(
        "SELECT code, name, parent_code, active FROM catalogue_agencies WHERE NOT removed");
    for (int row = 0; row < rows.rows(); ++row)
        held.emplace(QString::fromStdString(rows.text(row, 0)), HubCatalogue::agency(rows, row));
    return held;
}

Diff diff(const Entries& held, const Entries& wanted)
{
    Diff result;
    for (const auto& [code, entry] : wanted) {
        const auto offered = held.find(code);
        if (offered == held.end() || offered->second != entry)
            result.changed.emplace(code, entry);
    }
    for (const auto& [code, entry] : held)
        if (!wanted.contains(code))
            result.removed << code;
    return result;
}

std::string compact(const QJsonObject& json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact).toStdString();
}

void writeProcedures(PgConnection& connection, const Diff& procedures, const std::string& revision)
{
    for (const auto& [code, definition] : procedures.changed)
        connection.exec("INSERT INTO catalogue_procedures(code, definition, revision) "
                        "VALUES ($1, $2, $3) ON CONFLICT (code) DO UPDATE SET "
                        "definition = excluded.definition, revision = excluded.revision, "
                        "removed = false",
                        {code.toStdString(), compact(definition), revision});
}

void writeAgencies(PgConnection& connection, const Diff& agencies, const std::string& revision)
{
    for (const auto& [code, agency] : agencies.changed) {
        const QJsonValue parent = agency.value("parent_code");
        connection.exec(
            "INSERT INTO catalogue_agencies(code, name, parent_code, active, revision) "
            "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
            "parent_code = excluded.parent_code, active = excluded.active, "
            "revision = excluded.revision, removed = false",
            {code.toStdString(), agency.value("name").toString().toStdString(),
             parent.isNull() ? PgParameter() : PgParameter(parent.toString().toStdString()),
             agency.value("active").toBool() ? "true" : "false", revision});
    }
}

// `table` is one of the two catalogue tables, never outside input.
void markRemoved(PgConnection& connection, const std::string& table, const QStringList& codes,
                 const std::string& revision)
{
    for (const QString& code : codes)
        connection.exec("UPDATE " + table + " SET removed = true, revision = $2 WHERE code = $1",
                        {code.toStdString(), revision});
}

} // namespace

CatalogueImportResult CatalogueImport::run(PgConnection& connection, const QByteArray& json,
                                           const std::string& importedBy)
{
    const domain::Catalogue checked = domain::Catalogue::fromJson(json);
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    const Entries procedures = proceduresOf(root, checked);
    const bool listsAgencies = root.contains(QLatin1String("agencies"));
    if (listsAgencies && !root.value("agencies").isArray())
        fail(QStringLiteral("agencies must be a list"));
    const Entries agencies = agenciesOf(root.value("agencies").toArray());

    PgTransaction transaction(connection);
    // One import at a time: each diffs against the revision the previous one left.
    connection.exec("LOCK TABLE catalogue_revisions IN SHARE ROW EXCLUSIVE MODE");
    const HubCatalogue::Head head = HubCatalogue::head(connection);
    const Diff procedureDiff = diff(heldProcedures(connection), procedures);
    const Diff agencyDiff = listsAgencies ? diff(heldAgencies(connection), agencies) : Diff{};
    CatalogueImportResult result{head.revision,
                                 checked.version(),
                                 false,
                                 static_cast<int>(procedureDiff.changed.size()),
                                 static_cast<int>(procedureDiff.removed.size()),
                                 static_cast<int>(agencyDiff.changed.size()),
                                 static_cast<int>(agencyDiff.removed.size())};
    if (procedureDiff.empty() && agencyDiff.empty() && head.version == checked.version())
        return result;

    result.revision = connection
                          .exec("INSERT INTO catalogue_revisions(version, imported_by) "
                                "VALUES ($1, $2) RETURNING revision",
                                {checked.version().toStdString(), importedBy})
                          .integer(0, 0);
    result.created = true;
    const std::string revision = std::to_string(result.revision);
    writeProcedures(connection, procedureDiff, revision);
    markRemoved(connection, "catalogue_procedures", procedureDiff.removed, revision);
    writeAgencies(connection, agencyDiff, revision);
    markRemoved(connection, "catalogue_agencies", agencyDiff.removed, revision);
    transaction.commit();
    return result;
}

} // namespace sohoa::hub
