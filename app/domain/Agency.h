// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AgencyCode.h"

#include <QString>

namespace sohoa::domain {

// An administrative agency (cơ quan, đơn vị) with its national code, e.g. a commune People's
// Committee whose one-stop counter runs this workstation.
struct Agency
{
    AgencyCode code;
    QString name;

    bool operator==(const Agency& other) const = default;
};

} // namespace sohoa::domain
