// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/NationalStatus.h"

#include <QCoreApplication>
#include <QString>
#include <QStringView>
#include <array>
#include <optional>
#include <span>
#include <vector>

namespace sohoa::domain {

// The life of a dossier at the counter (vòng đời hồ sơ), as ONE explicit state machine. The
// transition table is data (DossierLifecycle.cpp, kRules) and the only place that says which
// step may follow which; everything else asks next()/allows()/apply(). Transitions are values,
// so that later layers can hang their side effects (outbox rows, audit events) on them.
//
//   Draft --capture--> Captured --sign--> Signed --submitForReview--> AwaitingReview
//   AwaitingReview --approve--> Approved --markSynced--> Synced --returnResult--> ResultReturned
//   AwaitingReview --returnToOfficer--> Returned --reviseAfterReturn--> Draft
//   Captured, Signed --reopenCapture--> Draft            (pages change; signatures are void)
//   Draft..Returned, Synced --requestSupplement--> SupplementRequested
//   SupplementRequested --resumeAfterSupplement--> Draft (the new papers are captured anew)
//   any state but ResultReturned/Withdrawn --withdraw--> Withdrawn
// ResultReturned and Withdrawn are final. (Names above are the enumerators in camelCase; the
// stable storage names are lower_snake_case, see toString().)
class DossierLifecycle
{
    Q_DECLARE_TR_FUNCTIONS(DossierLifecycle)

public:
    enum class State
    {
        Draft,               // being received: applicant and components entered, scanning
        Captured,            // every required component is scanned and recognized
        Signed,              // the digitized files carry the agency's digital signature
        AwaitingReview,      // submitted to a supervisor
        Returned,            // the supervisor sent it back to the officer with remarks
        Approved,            // the supervisor accepted the digitization
        Synced,              // sent to the provincial/national system, processing there
        ResultReturned,      // the result was handed to the applicant (final)
        Withdrawn,           // the applicant withdrew the dossier (final)
        SupplementRequested, // the applicant must bring more papers
    };

    enum class Transition
    {
        Capture,
        ReopenCapture,
        Sign,
        SubmitForReview,
        ReturnToOfficer,
        ReviseAfterReturn,
        Approve,
        MarkSynced,
        ReturnResult,
        RequestSupplement,
        ResumeAfterSupplement,
        Withdraw,
    };

    // One row of the transition table.
    struct Rule
    {
        State from;
        Transition transition;
        State to;
        bool operator==(const Rule& other) const = default;
    };

    // A transition that took place: what apply() returns and side effects receive.
    struct StateChange
    {
        State from;
        Transition transition;
        State to;
        bool operator==(const StateChange& other) const = default;
    };

    static constexpr std::array kStates = {
        State::Draft,     State::Captured,
        State::Signed,    State::AwaitingReview,
        State::Returned,  State::Approved,
        State::Synced,    State::ResultReturned,
        State::Withdrawn, State::SupplementRequested,
    };
    static constexpr std::array kTransitions = {
        Transition::Capture,
        Transition::ReopenCapture,
        Transition::Sign,
        Transition::SubmitForReview,
        Transition::ReturnToOfficer,
        Transition::ReviseAfterReturn,
        Transition::Approve,
        Transition::MarkSynced,
        Transition::ReturnResult,
        Transition::RequestSupplement,
        Transition::ResumeAfterSupplement,
        Transition::Withdraw,
    };

    // The whole transition table.
    static std::span<const Rule> rules();

    static std::optional<State> next(State from, Transition transition);
    static bool allows(State from, Transition transition);
    // Throws UserError(InvalidInput) naming the state and the transition when refused.
    static StateChange apply(State from, Transition transition);
    static std::vector<Transition> allowedFrom(State from);
    static bool isFinal(State state);

    // The national TrangThaiHoSo for a state:
    //   Draft, Captured, Signed, AwaitingReview, Returned, Approved -> 2 Received
    //     (a counter dossier is received the moment the officer opens it: it already has its
    //     code, reception time and due date; 1 "new" is for online submissions not yet
    //     received, which this workstation never holds)
    //   Synced -> 4 Processing (the competent agency works on it; 9 "done" is theirs to set)
    //   SupplementRequested -> 5, Withdrawn -> 7, ResultReturned -> 10.
    // 3 refused, 6 fees due, 8 stopped and 9 done are never produced here.
    static NationalStatus nationalStatus(State state);

    // Stable lower_snake_case names for storage and logs ("awaiting_review",
    // "submit_for_review"); never translated, never changed.
    static QString toString(State state);
    static QString toString(Transition transition);
    static std::optional<State> stateFromString(QStringView name);
    static std::optional<Transition> transitionFromString(QStringView name);

    // Translated names for people.
    static QString displayName(State state);
    static QString displayName(Transition transition);
};

using DossierState = DossierLifecycle::State;
using DossierTransition = DossierLifecycle::Transition;

} // namespace sohoa::domain
