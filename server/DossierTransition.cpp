// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/DossierTransition.h"

#include "server/HubLifecycle.h"

#include <QJsonArray>

namespace sohoa::hub {

void DossierTransition::validate(const QJsonObject& payload)
{
    for (const char* field : {"transition", "to_state"})
        if (payload.value(QLatin1String(field)).toString().isEmpty())
            throw ApiError::malformed(QStringLiteral("/payload/") + QLatin1String(field),
                                      QStringLiteral("missing"));
}

std::optional<ApiError> DossierTransition::refusal(const QString& heldState,
                                                   const QJsonObject& payload)
{
    const QString to = payload.value("to_state").toString();
    // The hub's own state counts, not the `from_state` the workstation believes in.
    if (HubLifecycle::next(heldState, payload.value("transition").toString()) != to)
        return ApiError(
            422, QStringLiteral("transition-not-allowed"),
            QStringLiteral("A dossier that is \"%1\" cannot become \"%2\".").arg(heldState, to),
            QStringLiteral("Hồ sơ ở trạng thái \"%1\" không thể chuyển sang \"%2\".")
                .arg(heldState, to),
            QJsonObject{{"from", heldState}, {"to", to}});
    const std::optional<int> status = HubLifecycle::nationalStatus(to);
    if (payload.value("national_status").toInt() != status)
        return ApiError::validationFailed(
            QStringLiteral("/payload/national_status"),
            QStringLiteral("must be %1 (TrangThaiHoSo of %2)").arg(status.value_or(0)).arg(to));
    return std::nullopt;
}

QJsonObject DossierTransition::recordWith(QJsonObject record, const QJsonObject& payload)
{
    record.insert(QStringLiteral("state"), payload.value("to_state"));
    record.insert(QStringLiteral("national_status"), payload.value("national_status"));
    if (payload.contains(QLatin1String("returned_at")))
        record.insert(QStringLiteral("returned_at"), payload.value("returned_at"));
    QJsonObject entry = payload.value("progress").toObject();
    entry.insert(QStringLiteral("transition"), payload.value("transition"));
    QJsonArray progress = record.value("progress").toArray();
    progress.append(entry);
    record.insert(QStringLiteral("progress"), progress);
    return record;
}

} // namespace sohoa::hub
