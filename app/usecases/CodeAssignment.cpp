// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/CodeAssignment.h"

#include "domain/DossierCode.h"

namespace sohoa::usecases {

std::optional<AssignedCode> applyAssignedCode(storage::Store& store, const QString& dossierUuid,
                                              const QJsonObject& receipt, const QString& officerId)
{
    const QJsonObject replaced = receipt.value("code_replaced").toObject();
    const AssignedCode code{replaced.value("provisional").toString(),
                            replaced.value("assigned").toString()};
    // Only a well-formed definitive code may become the dossier's.
    const auto assigned = domain::DossierCode::tryParse(code.assigned);
    if (!assigned || assigned->isProvisional() ||
        !store.assignDossierCode(dossierUuid, code.assigned))
        return std::nullopt;
    store.appendEvent({0, dossierUuid, QDateTime::currentDateTimeUtc(), officerId,
                       QStringLiteral("dossier-code-assigned"),
                       code.provisional + QStringLiteral(" -> ") + code.assigned});
    return code;
}

} // namespace sohoa::usecases
