// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/ApiError.h"

#include <QJsonObject>
#include <optional>

namespace sohoa::hub {

// The `dossier.transition` operation (docs/SYNC-PROTOCOL.md §5.2, §5.4 step 6): a step of the
// dossier's lifecycle made at the workstation, with the national status of the new state and
// one progress entry (§6.4), checked against the hub's copy of the lifecycle (HubLifecycle).
class DossierTransition
{
public:
    // Throws ApiError (400 malformed-request) for a payload without `transition` or `to_state`.
    static void validate(const QJsonObject& payload);
    // Why the hub refuses the step from the state it holds: 422 transition-not-allowed
    // (details {from, to}) when the lifecycle has no such step, 422 validation-failed when
    // `national_status` is not the new state's. Both are final and kept with the key.
    static std::optional<ApiError> refusal(const QString& heldState, const QJsonObject& payload);
    // The dossier record in its new state, its progress entry appended to `progress`.
    static QJsonObject recordWith(QJsonObject record, const QJsonObject& payload);
};

} // namespace sohoa::hub
