// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/WorkingDayCalendar.h"
#include "storage/Store.h"

namespace sohoa::usecases {

// Where the store keeps the province's calendar (docs/SYNC-PROTOCOL.md §7.2): JSON lists of
// yyyy-MM-dd days, written by the settings the hub pushes.
inline constexpr auto kHolidaysSetting = "calendar.holidays";
inline constexpr auto kMakeUpWorkingDaysSetting = "calendar.make_up_working_days";

// The working-day calendar of the store: weekends, plus the holidays and make-up working
// days the province pushed (none before the first sync).
domain::WorkingDayCalendar storedWorkingCalendar(storage::Store& store);

} // namespace sohoa::usecases
