// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/ReusableDocuments.h"

#include "server/PgConnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace sohoa::hub {

QJsonArray ReusableDocuments::of(PgConnection& connection, const std::string& idNumber)
{
    // When the client did not say when it digitized a document, the hub's receipt of the file
    // is the closest it knows.
    const PgResult rows = connection.exec(
        "SELECT d.code, c.value - 'documents', doc.value, "
        "to_char(coalesce(f.stored_at, d.created_at) AT TIME ZONE 'Asia/Ho_Chi_Minh', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS\"+07:00\"') "
        "FROM dossiers d "
        "CROSS JOIN LATERAL jsonb_array_elements(d.payload->'components') AS c(value) "
        "CROSS JOIN LATERAL jsonb_array_elements(c.value->'documents') AS doc(value) "
        "LEFT JOIN files f ON f.sha256 = decode(doc.value->>'sha256', 'hex') "
        "WHERE d.payload->'applicant'->>'identifier' = $1 "
        "ORDER BY d.created_at, d.code",
        {idNumber});
    QJsonArray documents;
    QSet<QString> seen;
    for (int row = 0; row < rows.rows(); ++row) {
        const auto json = [&](int column) {
            return QJsonDocument::fromJson(QByteArray::fromStdString(rows.text(row, column)))
                .object();
        };
        const QJsonObject component = json(1);
        const QJsonObject document = json(2);
        const QString sha256 = document.value("sha256").toString();
        if (seen.contains(sha256))
            continue; // reused already: the first dossier holding it is its origin
        seen.insert(sha256);
        const bool result = component.value("kind").toString() == QLatin1String("result");
        const QString code = component.value("code").toString();
        const QJsonValue digitizedAt = document.value("digitized_at").isString()
                                           ? document.value("digitized_at")
                                           : QJsonValue(QString::fromStdString(rows.text(row, 3)));
        documents.append(QJsonObject{
            {"sha256", sha256},
            {"size", document.value("size")},
            {"content_type",
             document.value("content_type").toString(QStringLiteral("application/pdf"))},
            {"file_name", document.value("file_name")},
            {"name", component.value("name")},
            {"document_code", QJsonValue()},
            {"warehouse_code", QJsonValue()},
            {"document_type_code", QJsonValue()},
            {"kind", result ? 1 : 0},
            {"component_code", result ? QJsonValue() : QJsonValue(code)},
            {"result_code", result ? QJsonValue(code) : QJsonValue()},
            {"dossier_code", QString::fromStdString(rows.text(row, 0))},
            {"digitized_by", QJsonValue()},
            {"digitized_at", digitizedAt},
            {"issued_on", QJsonValue()},
            {"valid_until", QJsonValue()},
            {"issuing_body", QJsonValue()},
            {"signer", QJsonValue()},
            {"number_symbol", QJsonValue()},
            {"scope", QJsonValue()},
            {"summary", QJsonValue()}});
    }
    return documents;
}

} // namespace sohoa::hub
