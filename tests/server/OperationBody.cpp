// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperationBody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace sohoa::testing {

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

namespace {

QByteArray body(const QString& dossierUuid, int baseVersion, const QString& kind,
                const QJsonObject& payload)
{
    return QJsonDocument(QJsonObject{{"dossier_uuid", dossierUuid},
                                     {"base_version", baseVersion},
                                     {"operation", kind},
                                     {"recorded_at", "2026-12-05T09:00:00+07:00"},
                                     {"payload", payload}})
        .toJson(QJsonDocument::Compact);
}

// The dossier record of a birth registration under `code`, created `captured`.
QJsonObject dossierRecord(const QString& code, int nationalStatus)
{
    return QJsonObject{{"code", code},
                       {"agency_code", "000.00.00.H26"},
                       {"procedure_code", "1.001193"},
                       {"procedure_name", "Đăng ký khai sinh"},
                       {"channel", 1},
                       {"received_at", "20261205090000"},
                       {"state", "captured"},
                       {"national_status", nationalStatus}};
}

} // namespace

QByteArray operationBody(const QString& dossierUuid, int baseVersion, const QString& kind,
                         const QString& code, int nationalStatus, bool testData)
{
    return body(
        dossierUuid, baseVersion, kind,
        QJsonObject{{"test_data", testData}, {"dossier", dossierRecord(code, nationalStatus)}});
}

QByteArray creationBody(const QString& dossierUuid, const QString& code, const QString& procedure,
                        const QStringList& components)
{
    QJsonObject dossier = dossierRecord(code, 2);
    dossier.insert(QStringLiteral("procedure_code"), procedure);
    QJsonArray declared;
    for (const QString& component : components)
        declared.append(
            QJsonObject{{"code", component}, {"kind", "component"}, {"documents", QJsonArray{}}});
    dossier.insert(QStringLiteral("components"), declared);
    return body(dossierUuid, 0, QStringLiteral("dossier.create"),
                QJsonObject{{"test_data", false}, {"dossier", dossier}});
}

QByteArray transitionBody(const QString& dossierUuid, int baseVersion, const QString& transition,
                          const QString& toState, int nationalStatus)
{
    const QJsonObject progress{{"officer_id", "lan.nt"},
                               {"officer_name", "Nguyễn Thị Lan"},
                               {"at", "20261205090000"},
                               {"note", ""},
                               {"national_status", nationalStatus}};
    return body(dossierUuid, baseVersion, QStringLiteral("dossier.transition"),
                QJsonObject{{"test_data", false},
                            {"transition", transition},
                            {"to_state", toState},
                            {"national_status", nationalStatus},
                            {"progress", progress}});
}

QByteArray attachBody(const QString& dossierUuid, int baseVersion, const QString& sha256,
                      qint64 size, const QString& fileName)
{
    const QJsonObject document{{"sha256", sha256}, {"size", size}, {"file_name", fileName}};
    return body(dossierUuid, baseVersion, QStringLiteral("component.attach"),
                QJsonObject{{"test_data", false},
                            {"component",
                             QJsonObject{{"code", "TP1"}, {"documents", QJsonArray{document}}}}});
}

} // namespace sohoa::testing
