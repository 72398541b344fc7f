// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperationBody.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace sohoa::testing {

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray operationBody(const QString& dossierUuid, int baseVersion, const QString& kind,
                         const QString& code, int nationalStatus, bool testData)
{
    QJsonObject payload{{"test_data", testData}};
    if (kind == QLatin1String("dossier.transition")) {
        payload.insert(QStringLiteral("transition"), QStringLiteral("submit_for_review"));
        payload.insert(QStringLiteral("to_state"), QStringLiteral("awaiting_review"));
        payload.insert(QStringLiteral("national_status"), nationalStatus);
    } else {
        payload.insert(QStringLiteral("dossier"),
                       QJsonObject{{"code", code},
                                   {"agency_code", "000.00.00.H26"},
                                   {"procedure_code", "1.001193"},
                                   {"procedure_name", "Đăng ký khai sinh"},
                                   {"channel", 1},
                                   {"received_at", "20261205090000"},
                                   {"state", "captured"},
                                   {"national_status", nationalStatus}});
    }
    return QJsonDocument(QJsonObject{{"dossier_uuid", dossierUuid},
                                     {"base_version", baseVersion},
                                     {"operation", kind},
                                     {"recorded_at", "2026-12-05T09:00:00+07:00"},
                                     {"payload", payload}})
        .toJson(QJsonDocument::Compact);
}

} // namespace sohoa::testing
