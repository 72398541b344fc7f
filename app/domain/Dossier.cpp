// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Dossier.h"

#include <algorithm>

namespace sohoa::domain {

Dossier Dossier::open(DossierCode code, ProcedureCode procedureCode, Applicant applicant,
                      Channel channel, const QDateTime& received, const QDateTime& due)
{
    return Dossier{
        .id = QUuid::createUuid(),
        .code = std::move(code),
        .procedureCode = std::move(procedureCode),
        .applicant = std::move(applicant),
        .channel = channel,
        .received = received,
        .due = due,
        .returned = {},
        .state = DossierState::Draft,
        .components = {},
        .history = {},
        .isTestData = false,
    };
}

DossierLifecycle::StateChange Dossier::apply(DossierTransition transition, const QString& officerId,
                                             const QDateTime& at, const QString& note)
{
    const DossierLifecycle::StateChange change = DossierLifecycle::apply(state, transition);
    state = change.to;
    if (transition == DossierTransition::ReturnResult)
        returned = at;
    history.push_back(ProcessingEvent{
        .officerId = officerId,
        .at = at,
        .action = DossierLifecycle::toString(transition),
        .note = note,
    });
    return change;
}

Component* Dossier::findComponent(const ComponentCode& componentCode)
{
    auto it = std::find_if(components.begin(), components.end(), [&](const Component& component) {
        return component.specCode == componentCode;
    });
    return it == components.end() ? nullptr : &*it;
}

const Component* Dossier::findComponent(const ComponentCode& componentCode) const
{
    return const_cast<Dossier*>(this)->findComponent(componentCode);
}

bool Dossier::hasDigitizedComponent() const
{
    return std::any_of(components.begin(), components.end(),
                       [](const Component& component) { return component.digitized; });
}

bool Dossier::hasReusedComponent() const
{
    return std::any_of(components.begin(), components.end(),
                       [](const Component& component) { return component.reused; });
}

} // namespace sohoa::domain
