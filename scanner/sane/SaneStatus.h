// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// SANE status codes -> ScanStatus. Internal to the SANE driver.

#include "scanner/ScanError.h"

#include <sane/sane.h>
#include <string>

namespace sohoa::scanner::sane {

ScanStatus toScanStatus(SANE_Status status) noexcept;

// "<what>: <SANE's text for status>".
std::string describe(SANE_Status status, const std::string& what);

// Throws ScanError(toScanStatus(status), describe(status, what)).
[[noreturn]] void throwStatus(SANE_Status status, const std::string& what);

} // namespace sohoa::scanner::sane
