// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/SyncPayload.h"

#include "domain/VietnamTime.h"

#include <QJsonArray>

namespace sohoa::usecases {

QJsonValue nationalDateTime(const QDateTime& time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    return domain::inVietnamTime(time).toString(QStringLiteral("yyyyMMddHHmmss"));
}

QJsonObject syncProgressEntry(const ProgressEntry& entry, int nationalStatus)
{
    return QJsonObject{{"officer_id", entry.officerId},
                       {"officer_name", entry.officerName},
                       {"at", nationalDateTime(entry.at)},
                       {"note", entry.note},
                       {"national_status", nationalStatus}};
}

QJsonObject syncComponentRecord(const storage::ComponentRecord& component)
{
    return QJsonObject{{"code", component.code},
                       {"name", component.name},
                       {"kind", component.isResult ? "result" : "component"},
                       {"digitized", component.digitized},
                       {"reused", component.reused},
                       {"from_national_warehouse", false},
                       {"replacing_result_code", QJsonValue::Null}};
}

QJsonObject syncDossierRecord(const storage::DossierRecord& dossier,
                              const std::vector<storage::ComponentRecord>& components)
{
    QJsonArray componentList;
    for (const storage::ComponentRecord& component : components) {
        QJsonObject declared = syncComponentRecord(component);
        declared.insert(QStringLiteral("documents"), QJsonArray{});
        componentList.append(declared);
    }
    return QJsonObject{{"code", dossier.code},
                       {"agency_code", dossier.agencyCode},
                       {"procedure_code", dossier.procedureCode},
                       {"procedure_name", dossier.procedureName},
                       {"channel", dossier.channel},
                       {"applicant", QJsonObject{{"name", dossier.applicantName},
                                                 {"subject_type", dossier.applicantKind},
                                                 {"identifier", dossier.applicantIdentifier}}},
                       {"received_at", nationalDateTime(dossier.receivedAt)},
                       {"due_at", nationalDateTime(dossier.dueAt)},
                       {"returned_at", nationalDateTime(dossier.returnedAt)},
                       {"national_status", dossier.nationalStatus},
                       {"state", dossier.state},
                       {"components", componentList}};
}

} // namespace sohoa::usecases
