// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

namespace sohoa::usecases {

// The workstation's bearer token for the provincial hub, kept in the encrypted store
// (docs/SYNC-PROTOCOL.md §3).
class HubToken
{
public:
    // Empty when the store keeps none.
    static QString saved(storage::Store& store);
    // Keeps `token` once the hub has accepted it (audited), unless it is kept already.
    static void keep(storage::Store& store, const QString& token, const QString& officerId);
    // Within the caller's transaction, which audits it (enrolment saves it with the rest of
    // what the hub answered).
    static void write(storage::Store& store, const QString& token);
};

} // namespace sohoa::usecases
