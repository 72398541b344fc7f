// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ComponentCode.h"

#include <QString>

namespace sohoa::domain {

// What a component code typed at the counter stands for within one procedure: one of the
// papers it asks for, or one of its results (a result is digitized like a component, with
// isResult set; the national sync calls this kind 1).
struct ResolvedComponent
{
    ComponentCode code;
    QString name;
    bool isResult = false;
    bool required = false; // always false for results

    bool operator==(const ResolvedComponent& other) const = default;
};

} // namespace sohoa::domain
