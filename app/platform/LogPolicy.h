// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace sohoa::platform {

// Routes Qt's messages: warnings and below are shown only with SOHOA_DEBUG=1 (the CLI's
// stderr carries exactly one translated line per failure), and every message is scrubbed of
// digit runs long enough to be an ID number, tax code or phone number before it is printed.
void installLogPolicy();

// Masks every run of 9 or more digits, keeping its last 3 ("001203004567" -> "*********567").
QString scrubbedForLog(const QString& message);

} // namespace sohoa::platform
