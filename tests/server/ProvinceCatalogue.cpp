// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProvinceCatalogue.h"

#include "domain/Catalogue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace sohoa::testing {

QJsonObject editedCatalogue(const QString& version, const QString& removed, const QString& added)
{
    QFile file(QString::fromLatin1(domain::Catalogue::kBuiltInPath));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no starter catalogue");
    QJsonObject catalogue = QJsonDocument::fromJson(file.readAll()).object();
    catalogue.insert(QStringLiteral("version"), version);
    QJsonArray procedures;
    for (const QJsonValue& procedure : catalogue.value("procedures").toArray())
        if (procedure.toObject().value("code").toString() != removed)
            procedures.append(procedure);
    procedures.append(
        QJsonObject{{"code", added},
                    {"name", "Cấp bản sao trích lục hộ tịch"},
                    {"field", "Hộ tịch"},
                    {"fieldCode", "G15-HT"},
                    {"processingDays", 1},
                    {"components", QJsonArray{QJsonObject{{"code", "TP1"}, {"name", "Tờ khai"}}}},
                    {"results", QJsonArray{}}});
    catalogue.insert(QStringLiteral("procedures"), procedures);
    return catalogue;
}

int importCatalogue(const DevHub& hub, const QJsonObject& catalogue, QByteArray* output)
{
    const QString path = hub.directory() + QStringLiteral("/catalogue-import.json");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(catalogue).toJson()) < 0)
        qFatal("cannot write the catalogue to import");
    file.close();
    return hub.admin({QStringLiteral("catalogue"), QStringLiteral("import"), path}, output);
}

} // namespace sohoa::testing
