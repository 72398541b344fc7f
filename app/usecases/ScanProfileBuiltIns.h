// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "usecases/ScanProfile.h"

#include <optional>
#include <vector>

namespace sohoa::usecases {

// The profiles every install starts with. The default one ("van-ban", administrative papers:
// 24-bit colour, 200 dpi) meets Circular 05/2025 and is what a scan uses when none is chosen.
class ScanProfileBuiltIns
{
    Q_DECLARE_TR_FUNCTIONS(ScanProfileBuiltIns)

public:
    static QString defaultId();
    static std::vector<ScanProfile> all();
    static std::optional<ScanProfile> find(const QString& id);
    static bool isBuiltIn(const QString& id);
    // The officer's name when set, else the built-in's translated name, else the ID.
    static QString displayName(const ScanProfile& profile);
};

} // namespace sohoa::usecases
