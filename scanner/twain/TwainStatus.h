// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// TWAIN condition codes in SoHoa's terms.

#include "scanner/ScanError.h"
#include "scanner/twain/TwainTypes.h"

#include <string>

namespace sohoa::scanner::twain {

// The ScanStatus a condition code (DAT_STATUS) stands for.
ScanStatus statusFromCondition(TW_UINT16 conditionCode) noexcept;

// "TWCC_PAPERJAM (paper jam)"-style text for logs.
std::string conditionName(TW_UINT16 conditionCode);

} // namespace sohoa::scanner::twain
