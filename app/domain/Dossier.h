// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Applicant.h"
#include "domain/Channel.h"
#include "domain/Component.h"
#include "domain/DossierCode.h"
#include "domain/DossierLifecycle.h"
#include "domain/ProcedureCode.h"
#include "domain/ProcessingEvent.h"

#include <QDateTime>
#include <QString>
#include <QUuid>
#include <vector>

namespace sohoa::domain {

// An administrative dossier received at the counter (hồ sơ thủ tục hành chính): whose it is,
// which procedure it serves, its papers and their pages, where it stands in its lifecycle and
// how it got there. Plain data for the store to load and save; the only rule it enforces is
// that `state` changes through the lifecycle (apply()).
struct Dossier
{
    QUuid id;
    DossierCode code;
    ProcedureCode procedureCode;
    Applicant applicant;
    Channel channel = Channel::Counter;
    QDateTime received; // NgayTiepNhan
    QDateTime due;      // NgayHenTra
    QDateTime returned; // NgayTra; null until the result is handed over
    DossierState state = DossierState::Draft;
    std::vector<Component> components;
    std::vector<ProcessingEvent> history;
    bool isTestData = false; // training and test dossiers are never synced nor counted

    // A new dossier in Draft with a fresh id.
    static Dossier open(DossierCode code, ProcedureCode procedureCode, Applicant applicant,
                        Channel channel, const QDateTime& received, const QDateTime& due);

    // Moves the dossier through `transition` and records it in the history; returnResult also
    // sets `returned`. Throws UserError(InvalidInput) when the lifecycle refuses the step, and
    // then changes nothing.
    DossierLifecycle::StateChange apply(DossierTransition transition, const QString& officerId,
                                        const QDateTime& at, const QString& note = {});

    // nullptr when the dossier has no component with this code.
    Component* findComponent(const ComponentCode& componentCode);
    const Component* findComponent(const ComponentCode& componentCode) const;

    // HoSoCoThanhPhanSoHoa: at least one component is digitized.
    bool hasDigitizedComponent() const;
    // At least one component was reused (the reuse rate's numerator, Decision 766/QĐ-TTg).
    bool hasReusedComponent() const;

    bool operator==(const Dossier& other) const = default;
};

} // namespace sohoa::domain
