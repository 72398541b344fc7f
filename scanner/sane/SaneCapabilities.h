// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What an open SANE device offers, per source. Internal to the SANE driver.

#include "scanner/ScanTypes.h"
#include "scanner/sane/SaneOptions.h"

namespace sohoa::scanner::sane {

// Selects each source in turn (and, for lineart detection, the gray mode): the device's
// settings are changed, so call it on a freshly opened handle that is closed afterwards.
Capabilities readCapabilities(SaneOptions& options);

} // namespace sohoa::scanner::sane
