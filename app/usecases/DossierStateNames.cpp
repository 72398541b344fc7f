// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/DossierStateNames.h"

#include "domain/DossierLifecycle.h"

namespace sohoa::usecases {

QString dossierStateDisplayName(const QString& storedState)
{
    const auto state = domain::DossierLifecycle::stateFromString(storedState);
    return state ? domain::DossierLifecycle::displayName(*state) : storedState;
}

} // namespace sohoa::usecases
