// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Sex.h"

namespace sohoa::domain {

QString sexToString(Sex sex)
{
    switch (sex) {
    case Sex::Male:
        return QStringLiteral("male");
    case Sex::Female:
        return QStringLiteral("female");
    case Sex::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

std::optional<Sex> sexFromString(QStringView name)
{
    for (Sex sex : {Sex::Male, Sex::Female, Sex::Unknown}) {
        if (name == sexToString(sex))
            return sex;
    }
    return std::nullopt;
}

} // namespace sohoa::domain
