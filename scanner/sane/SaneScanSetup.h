// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Puts an open SANE device into the state a ScanOptions asks for. Internal to the SANE driver.

#include "scanner/ScanTypes.h"
#include "scanner/sane/SaneOptions.h"

#include <string>

namespace sohoa::scanner::sane {

struct AppliedSettings
{
    double dpi = 0.0; // the resolution in effect (0: the device has none)
};

// In order: source (with the feeder's duplex switch where the device has one), mode (lineart
// falls back to gray at depth 1 when the device has no lineart mode), depth 8 for gray and
// colour, resolution snapped to the nearest allowed value, scan area set to the whole
// glass/feeder width, then the raw NAME=VALUE options. Throws ScanError: Unsupported when the
// device lacks the source or mode, Invalid for a bad raw option.
AppliedSettings applyScanOptions(SaneOptions& options, const ScanOptions& request,
                                 const std::string& deviceId);

// Devices whose feeder has one source plus a separate duplex switch: a BOOL "duplex" option,
// or a STRING "adf-mode" offering "Duplex"/"Simplex". Returns false when there is none.
bool hasDuplexSwitch(const SaneOptions& options);
bool setDuplexSwitch(SaneOptions& options, bool duplex);

} // namespace sohoa::scanner::sane
