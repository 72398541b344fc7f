// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "sync/HubClient.h"

#include <optional>

namespace sohoa::usecases {

// The provincial hub an enrolled workstation syncs with, entirely from its store: the address
// and CA saved at enrolment, the pinned keys and the token. nullopt when the store has not
// enrolled (no address or no token). No bandwidth cap: the caller sets it for background work.
std::optional<sync::HubConnection> enrolledHub(storage::Store& store);

} // namespace sohoa::usecases
