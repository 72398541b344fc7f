// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Officer.h"

namespace sohoa::domain {

QString Officer::toString(Role role)
{
    switch (role) {
    case Role::Officer:
        return QStringLiteral("officer");
    case Role::Supervisor:
        return QStringLiteral("supervisor");
    case Role::Administrator:
        return QStringLiteral("administrator");
    }
    return {};
}

std::optional<Officer::Role> Officer::roleFromString(QStringView name)
{
    for (Role role : {Role::Officer, Role::Supervisor, Role::Administrator}) {
        if (name == toString(role))
            return role;
    }
    return std::nullopt;
}

} // namespace sohoa::domain
