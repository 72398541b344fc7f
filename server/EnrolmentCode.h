// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sohoa::hub {

// One-time enrolment codes (docs/SYNC-PROTOCOL.md §4.2): 80 random bits as 16 symbols of
// Crockford's base32 in four groups, e.g. 7KQ2-M9XD-4HTA-0ZRB. Read aloud or typed by an
// officer, so reading forgives case, missing dashes and the look-alikes I/L (1) and O (0).
namespace EnrolmentCode {

// A fresh code in its printed form.
std::string generate();

// The 16 symbols `typed` stands for (upper case, no dashes), or nullopt when it is no code.
std::optional<std::string> canonical(std::string_view typed);

} // namespace EnrolmentCode

} // namespace sohoa::hub
