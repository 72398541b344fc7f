// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ComponentCode.h"

#include <QString>

namespace sohoa::domain {

// One paper a procedure asks for, as the catalogue describes it (thành phần hồ sơ của thủ
// tục): its code, its name and whether every dossier of the procedure must contain it.
struct ComponentSpec
{
    ComponentCode code;
    QString name;
    bool required = true;

    bool operator==(const ComponentSpec& other) const = default;
};

} // namespace sohoa::domain
