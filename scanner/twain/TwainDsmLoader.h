// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The real TWAIN source manager (Windows only; defined in TwainDsmLoader_win.cpp).

#include "scanner/twain/DsmPlatform.h"

#include <memory>

namespace sohoa::scanner::twain {

// Loads TWAINDSM.dll and creates a hidden message window on the calling thread. Throws
// ScanError(DeviceNotFound) when the DSM is not installed. Use it as TwainDriver's factory.
std::unique_ptr<DsmPlatform> loadSystemDsm();

} // namespace sohoa::scanner::twain
