// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

#include <QJsonObject>
#include <optional>

namespace sohoa::usecases {

// A provisional dossier code and the definitive one the hub assigned in its place.
struct AssignedCode
{
    QString provisional;
    QString assigned;
};

// Applies a receipt's `code_replaced` (docs/SYNC-PROTOCOL.md §8.2) inside the caller's
// transaction, the one that deletes the dossier.create row: the dossier takes the assigned
// code, its documents' file names the new `<code>.` prefix, the provisional flag clears, and
// "dossier-code-assigned" is audited. Nullopt when the receipt replaces nothing, or the
// dossier's code was replaced already.
std::optional<AssignedCode> applyAssignedCode(storage::Store& store, const QString& dossierUuid,
                                              const QJsonObject& receipt, const QString& officerId);

} // namespace sohoa::usecases
