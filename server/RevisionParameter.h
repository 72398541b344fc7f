// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace sohoa::hub {

// The `since=REV` of the down-sync endpoints that count revisions (docs/SYNC-PROTOCOL.md §7.1,
// §7.2): absent is 0; anything but a decimal number is ApiError 400 malformed-request.
long long sinceRevision(const std::string& since);

} // namespace sohoa::hub
