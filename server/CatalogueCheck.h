// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/ApiError.h"
#include "server/PgConnection.h"

#include <QJsonObject>
#include <optional>
#include <string>

namespace sohoa::hub {

// The codes of an operation against the province's catalogue (docs/SYNC-PROTOCOL.md §5.4
// step 3), once the hub holds one: a dossier created, or moved to another procedure by an
// update, must name a procedure the catalogue offers (422 procedure-unknown), and the
// components a creation declares or an attachment fills must be components or results of the
// dossier's procedure (422 component-unknown). A dossier whose procedure the province removed
// after it was created keeps its procedure and may still be completed.
class CatalogueCheck
{
public:
    // `held` is the dossier record the hub holds (empty for a creation).
    static std::optional<ApiError> refusal(PgConnection& connection, const std::string& operation,
                                           const QJsonObject& payload, const QJsonObject& held);
};

} // namespace sohoa::hub
