// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/DossierLifecycle.h"

#include "domain/UserError.h"

namespace sohoa::domain {

namespace {

using State = DossierLifecycle::State;
using Transition = DossierLifecycle::Transition;
using Rule = DossierLifecycle::Rule;

// THE transition table. Each (from, transition) pair appears at most once.
constexpr Rule kRules[] = {
    // The main line.
    {State::Draft, Transition::Capture, State::Captured},
    {State::Captured, Transition::Sign, State::Signed},
    {State::Signed, Transition::SubmitForReview, State::AwaitingReview},
    {State::AwaitingReview, Transition::Approve, State::Approved},
    {State::Approved, Transition::MarkSynced, State::Synced},
    {State::Synced, Transition::ReturnResult, State::ResultReturned},

    // Changing pages after capture or signing voids the signatures: capture again.
    {State::Captured, Transition::ReopenCapture, State::Draft},
    {State::Signed, Transition::ReopenCapture, State::Draft},

    // Review sends the dossier back; the officer corrects it and goes through capture again.
    {State::AwaitingReview, Transition::ReturnToOfficer, State::Returned},
    {State::Returned, Transition::ReviseAfterReturn, State::Draft},

    // Missing papers: at the counter, during review, or asked for by the processing agency.
    {State::Draft, Transition::RequestSupplement, State::SupplementRequested},
    {State::Captured, Transition::RequestSupplement, State::SupplementRequested},
    {State::Signed, Transition::RequestSupplement, State::SupplementRequested},
    {State::AwaitingReview, Transition::RequestSupplement, State::SupplementRequested},
    {State::Returned, Transition::RequestSupplement, State::SupplementRequested},
    {State::Synced, Transition::RequestSupplement, State::SupplementRequested},
    {State::SupplementRequested, Transition::ResumeAfterSupplement, State::Draft},

    // The applicant may withdraw until the result is handed over.
    {State::Draft, Transition::Withdraw, State::Withdrawn},
    {State::Captured, Transition::Withdraw, State::Withdrawn},
    {State::Signed, Transition::Withdraw, State::Withdrawn},
    {State::AwaitingReview, Transition::Withdraw, State::Withdrawn},
    {State::Returned, Transition::Withdraw, State::Withdrawn},
    {State::Approved, Transition::Withdraw, State::Withdrawn},
    {State::Synced, Transition::Withdraw, State::Withdrawn},
    {State::SupplementRequested, Transition::Withdraw, State::Withdrawn},
};

constexpr bool tableHasNoDuplicates()
{
    for (const Rule& a : kRules) {
        int count = 0;
        for (const Rule& b : kRules)
            count += (a.from == b.from && a.transition == b.transition) ? 1 : 0;
        if (count != 1)
            return false;
    }
    return true;
}
static_assert(tableHasNoDuplicates(), "a (state, transition) pair appears twice in kRules");

} // namespace

std::span<const DossierLifecycle::Rule> DossierLifecycle::rules()
{
    return kRules;
}

std::optional<DossierLifecycle::State> DossierLifecycle::next(State from, Transition transition)
{
    for (const Rule& rule : kRules) {
        if (rule.from == from && rule.transition == transition)
            return rule.to;
    }
    return std::nullopt;
}

bool DossierLifecycle::allows(State from, Transition transition)
{
    return next(from, transition).has_value();
}

DossierLifecycle::StateChange DossierLifecycle::apply(State from, Transition transition)
{
    const std::optional<State> to = next(from, transition);
    if (!to)
        throw UserError(ErrorKind::InvalidInput,
                        tr("A dossier that is \"%1\" cannot be put through \"%2\".")
                            .arg(displayName(from), displayName(transition)));
    return StateChange{from, transition, *to};
}

std::vector<DossierLifecycle::Transition> DossierLifecycle::allowedFrom(State from)
{
    std::vector<Transition> allowed;
    for (Transition transition : kTransitions) {
        if (allows(from, transition))
            allowed.push_back(transition);
    }
    return allowed;
}

bool DossierLifecycle::isFinal(State state)
{
    return allowedFrom(state).empty();
}

NationalStatus DossierLifecycle::nationalStatus(State state)
{
    switch (state) {
    case State::Draft:
    case State::Captured:
    case State::Signed:
    case State::AwaitingReview:
    case State::Returned:
    case State::Approved:
        return NationalStatus::Received;
    case State::Synced:
        return NationalStatus::Processing;
    case State::SupplementRequested:
        return NationalStatus::SupplementRequested;
    case State::Withdrawn:
        return NationalStatus::Withdrawn;
    case State::ResultReturned:
        return NationalStatus::ResultReturned;
    }
    return NationalStatus::Received;
}

QString DossierLifecycle::toString(State state)
{
    switch (state) {
    case State::Draft:
        return QStringLiteral("draft");
    case State::Captured:
        return QStringLiteral("captured");
    case State::Signed:
        return QStringLiteral("signed");
    case State::AwaitingReview:
        return QStringLiteral("awaiting_review");
    case State::Returned:
        return QStringLiteral("returned");
    case State::Approved:
        return QStringLiteral("approved");
    case State::Synced:
        return QStringLiteral("synced");
    case State::ResultReturned:
        return QStringLiteral("result_returned");
    case State::Withdrawn:
        return QStringLiteral("withdrawn");
    case State::SupplementRequested:
        return QStringLiteral("supplement_requested");
    }
    return {};
}

QString DossierLifecycle::toString(Transition transition)
{
    switch (transition) {
    case Transition::Capture:
        return QStringLiteral("capture");
    case Transition::ReopenCapture:
        return QStringLiteral("reopen_capture");
    case Transition::Sign:
        return QStringLiteral("sign");
    case Transition::SubmitForReview:
        return QStringLiteral("submit_for_review");
    case Transition::ReturnToOfficer:
        return QStringLiteral("return_to_officer");
    case Transition::ReviseAfterReturn:
        return QStringLiteral("revise_after_return");
    case Transition::Approve:
        return QStringLiteral("approve");
    case Transition::MarkSynced:
        return QStringLiteral("mark_synced");
    case Transition::ReturnResult:
        return QStringLiteral("return_result");
    case Transition::RequestSupplement:
        return QStringLiteral("request_supplement");
    case Transition::ResumeAfterSupplement:
        return QStringLiteral("resume_after_supplement");
    case Transition::Withdraw:
        return QStringLiteral("withdraw");
    }
    return {};
}

std::optional<DossierLifecycle::State> DossierLifecycle::stateFromString(QStringView name)
{
    for (State state : kStates) {
        if (name == toString(state))
            return state;
    }
    return std::nullopt;
}

std::optional<DossierLifecycle::Transition> DossierLifecycle::transitionFromString(QStringView name)
{
    for (Transition transition : kTransitions) {
        if (name == toString(transition))
            return transition;
    }
    return std::nullopt;
}

QString DossierLifecycle::displayName(State state)
{
    switch (state) {
    case State::Draft:
        return tr("being received");
    case State::Captured:
        return tr("scanned");
    case State::Signed:
        return tr("signed");
    case State::AwaitingReview:
        return tr("awaiting review");
    case State::Returned:
        return tr("returned to the officer");
    case State::Approved:
        return tr("approved");
    case State::Synced:
        return tr("sent to the portal");
    case State::ResultReturned:
        return tr("result returned");
    case State::Withdrawn:
        return tr("withdrawn");
    case State::SupplementRequested:
        return tr("waiting for more papers");
    }
    return {};
}

QString DossierLifecycle::displayName(Transition transition)
{
    switch (transition) {
    case Transition::Capture:
        return tr("finish scanning");
    case Transition::ReopenCapture:
        return tr("reopen scanning");
    case Transition::Sign:
        return tr("sign");
    case Transition::SubmitForReview:
        return tr("submit for review");
    case Transition::ReturnToOfficer:
        return tr("return to the officer");
    case Transition::ReviseAfterReturn:
        return tr("revise after return");
    case Transition::Approve:
        return tr("approve");
    case Transition::MarkSynced:
        return tr("mark as sent to the portal");
    case Transition::ReturnResult:
        return tr("return the result");
    case Transition::RequestSupplement:
        return tr("request more papers");
    case Transition::ResumeAfterSupplement:
        return tr("resume after more papers");
    case Transition::Withdraw:
        return tr("withdraw");
    }
    return {};
}

} // namespace sohoa::domain
