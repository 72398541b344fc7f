// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

namespace sohoa::usecases {

// Appends one event to the store's hash-chained audit trail, in its own transaction: for
// actions that change nothing else (reads of personal data, key changes). Empty dossierUuid
// means a store-wide event. Details are codes and counts, never personal data.
void recordEvent(storage::Store& store, const QString& dossierUuid, const QString& officerId,
                 const QString& action, const QString& detail = {});

// Stores one store-wide setting and records "setting-changed" with `detail`, in one
// transaction: a setting never changes without its trace.
void recordSettingChange(storage::Store& store, const QString& officerId, const QString& key,
                         const QString& value, const QString& detail);

} // namespace sohoa::usecases
