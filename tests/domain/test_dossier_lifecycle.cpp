// SPDX-License-Identifier: GPL-3.0-or-later
// Specification of the dossier lifecycle: every (state, transition) pair is either allowed,
// with the target written out by hand below, or refused; plus the national status mapping,
// the stable storage names and how a Dossier records its steps.
#include "domain/Dossier.h"
#include "domain/DossierLifecycle.h"
#include "domain/UserError.h"

#include <QTest>
#include <map>
#include <optional>
#include <queue>
#include <set>
#include <utility>

using namespace sohoa::domain;
using sohoa::ErrorKind;
using sohoa::UserError;

using S = DossierLifecycle::State;
using T = DossierLifecycle::Transition;

namespace {

// The expected machine, written independently of the table in DossierLifecycle.cpp so that a
// change to either one fails this test.
const std::map<std::pair<S, T>, S>& expectedAllowed()
{
    static const std::map<std::pair<S, T>, S> allowed = {
        {{S::Draft, T::Capture}, S::Captured},
        {{S::Captured, T::Sign}, S::Signed},
        {{S::Signed, T::SubmitForReview}, S::AwaitingReview},
        {{S::AwaitingReview, T::Approve}, S::Approved},
        {{S::Approved, T::MarkSynced}, S::Synced},
        {{S::Synced, T::ReturnResult}, S::ResultReturned},

        {{S::Captured, T::ReopenCapture}, S::Draft},
        {{S::Signed, T::ReopenCapture}, S::Draft},

        {{S::AwaitingReview, T::ReturnToOfficer}, S::Returned},
        {{S::Returned, T::ReviseAfterReturn}, S::Draft},

        {{S::Draft, T::RequestSupplement}, S::SupplementRequested},
        {{S::Captured, T::RequestSupplement}, S::SupplementRequested},
        {{S::Signed, T::RequestSupplement}, S::SupplementRequested},
        {{S::AwaitingReview, T::RequestSupplement}, S::SupplementRequested},
        {{S::Returned, T::RequestSupplement}, S::SupplementRequested},
        {{S::Synced, T::RequestSupplement}, S::SupplementRequested},
        {{S::SupplementRequested, T::ResumeAfterSupplement}, S::Draft},

        {{S::Draft, T::Withdraw}, S::Withdrawn},
        {{S::Captured, T::Withdraw}, S::Withdrawn},
        {{S::Signed, T::Withdraw}, S::Withdrawn},
        {{S::AwaitingReview, T::Withdraw}, S::Withdrawn},
        {{S::Returned, T::Withdraw}, S::Withdrawn},
        {{S::Approved, T::Withdraw}, S::Withdrawn},
        {{S::Synced, T::Withdraw}, S::Withdrawn},
        {{S::SupplementRequested, T::Withdraw}, S::Withdrawn},
    };
    return allowed;
}

Dossier birthDossier()
{
    const QDateTime received(QDate(2025, 1, 3), QTime(9, 15));
    return Dossier::open(
        DossierCode::parse(u"000.00.53.H48-250103-0001"), ProcedureCode::parse(u"1.001193"),
        Applicant::citizen(PersonalId::parse(u"051090000123"), QStringLiteral("Lê Văn Cường"),
                           QDate(1990, 7, 14), Sex::Male, QStringLiteral("Xã Tịnh Hà")),
        Channel::Counter, received, received.addDays(3));
}

} // namespace

class TestDossierLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void everyPairOfTheMatrix_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("transition");
        QTest::addColumn<int>("expectedTo"); // -1 = refused
        for (S from : DossierLifecycle::kStates) {
            for (T transition : DossierLifecycle::kTransitions) {
                const auto it = expectedAllowed().find({from, transition});
                const int to = it == expectedAllowed().end() ? -1 : static_cast<int>(it->second);
                const QString tag = DossierLifecycle::toString(from) + QStringLiteral(" x ") +
                                    DossierLifecycle::toString(transition);
                QTest::newRow(qPrintable(tag))
                    << static_cast<int>(from) << static_cast<int>(transition) << to;
            }
        }
    }
    void everyPairOfTheMatrix()
    {
        QFETCH(int, from);
        QFETCH(int, transition);
        QFETCH(int, expectedTo);
        const S state = static_cast<S>(from);
        const T step = static_cast<T>(transition);
        const std::optional<S> next = DossierLifecycle::next(state, step);

        if (expectedTo >= 0) {
            QVERIFY(next.has_value());
            QCOMPARE(static_cast<int>(*next), expectedTo);
            QVERIFY(DossierLifecycle::allows(state, step));
            const auto change = DossierLifecycle::apply(state, step);
            QCOMPARE(change.from, state);
            QCOMPARE(change.transition, step);
            QCOMPARE(change.to, *next);
        } else {
            QVERIFY(!next.has_value());
            QVERIFY(!DossierLifecycle::allows(state, step));
            std::optional<UserError> refusal;
            try {
                DossierLifecycle::apply(state, step);
            } catch (const UserError& error) {
                refusal = error;
            }
            QVERIFY(refusal);
            QCOMPARE(refusal->kind(), ErrorKind::InvalidInput);
            // The refusal names both the state and the transition.
            QVERIFY2(refusal->message().contains(DossierLifecycle::displayName(state)),
                     qPrintable(refusal->message()));
            QVERIFY2(refusal->message().contains(DossierLifecycle::displayName(step)),
                     qPrintable(refusal->message()));
        }
    }

    void tableIsExactlyTheExpectedOne()
    {
        const auto rules = DossierLifecycle::rules();
        QCOMPARE(rules.size(), expectedAllowed().size());
        QCOMPARE(rules.size(), size_t(25));
        for (const auto& rule : rules) {
            const auto it = expectedAllowed().find({rule.from, rule.transition});
            QVERIFY(it != expectedAllowed().end());
            QCOMPARE(rule.to, it->second);
        }
        std::size_t allowedPairs = 0;
        for (S from : DossierLifecycle::kStates)
            allowedPairs += DossierLifecycle::allowedFrom(from).size();
        QCOMPARE(allowedPairs, expectedAllowed().size());
    }

    void finalStates()
    {
        for (S state : DossierLifecycle::kStates) {
            const bool final = state == S::ResultReturned || state == S::Withdrawn;
            QCOMPARE(DossierLifecycle::isFinal(state), final);
        }
    }

    void everyStateIsReachableFromDraft()
    {
        std::set<S> seen = {S::Draft};
        std::queue<S> todo;
        todo.push(S::Draft);
        while (!todo.empty()) {
            const S state = todo.front();
            todo.pop();
            for (T transition : DossierLifecycle::allowedFrom(state)) {
                const S next = *DossierLifecycle::next(state, transition);
                if (seen.insert(next).second)
                    todo.push(next);
            }
        }
        QCOMPARE(seen.size(), DossierLifecycle::kStates.size());
    }

    void everyTransitionIsUsed()
    {
        std::set<T> used;
        for (const auto& rule : DossierLifecycle::rules())
            used.insert(rule.transition);
        QCOMPARE(used.size(), DossierLifecycle::kTransitions.size());
    }

    void nationalStatusMapping()
    {
        const std::map<S, int> expected = {
            {S::Draft, 2},     {S::Captured, 2},        {S::Signed, 2}, {S::AwaitingReview, 2},
            {S::Returned, 2},  {S::Approved, 2},        {S::Synced, 4}, {S::SupplementRequested, 5},
            {S::Withdrawn, 7}, {S::ResultReturned, 10},
        };
        QCOMPARE(expected.size(), DossierLifecycle::kStates.size());
        for (S state : DossierLifecycle::kStates)
            QCOMPARE(nationalCode(DossierLifecycle::nationalStatus(state)), expected.at(state));
        QCOMPARE(nationalCode(NationalStatus::New), 1);
        QCOMPARE(nationalCode(NationalStatus::Done), 9);
    }

    void storageNamesAreStable()
    {
        // Stored in the database and in outbox payloads: these strings must never change.
        const std::map<S, QString> states = {
            {S::Draft, QStringLiteral("draft")},
            {S::Captured, QStringLiteral("captured")},
            {S::Signed, QStringLiteral("signed")},
            {S::AwaitingReview, QStringLiteral("awaiting_review")},
            {S::Returned, QStringLiteral("returned")},
            {S::Approved, QStringLiteral("approved")},
            {S::Synced, QStringLiteral("synced")},
            {S::ResultReturned, QStringLiteral("result_returned")},
            {S::Withdrawn, QStringLiteral("withdrawn")},
            {S::SupplementRequested, QStringLiteral("supplement_requested")},
        };
        const std::map<T, QString> transitions = {
            {T::Capture, QStringLiteral("capture")},
            {T::ReopenCapture, QStringLiteral("reopen_capture")},
            {T::Sign, QStringLiteral("sign")},
            {T::SubmitForReview, QStringLiteral("submit_for_review")},
            {T::ReturnToOfficer, QStringLiteral("return_to_officer")},
            {T::ReviseAfterReturn, QStringLiteral("revise_after_return")},
            {T::Approve, QStringLiteral("approve")},
            {T::MarkSynced, QStringLiteral("mark_synced")},
            {T::ReturnResult, QStringLiteral("return_result")},
            {T::RequestSupplement, QStringLiteral("request_supplement")},
            {T::ResumeAfterSupplement, QStringLiteral("resume_after_supplement")},
            {T::Withdraw, QStringLiteral("withdraw")},
        };
        QCOMPARE(states.size(), DossierLifecycle::kStates.size());
        QCOMPARE(transitions.size(), DossierLifecycle::kTransitions.size());
        for (const auto& [state, name] : states) {
            QCOMPARE(DossierLifecycle::toString(state), name);
            QCOMPARE(DossierLifecycle::stateFromString(name), std::optional<S>(state));
            QVERIFY(!DossierLifecycle::displayName(state).isEmpty());
        }
        for (const auto& [transition, name] : transitions) {
            QCOMPARE(DossierLifecycle::toString(transition), name);
            QCOMPARE(DossierLifecycle::transitionFromString(name), std::optional<T>(transition));
            QVERIFY(!DossierLifecycle::displayName(transition).isEmpty());
        }
        QVERIFY(!DossierLifecycle::stateFromString(u"Draft"));
        QVERIFY(!DossierLifecycle::transitionFromString(u"submitForReview"));
    }

    void dossierRecordsItsSteps()
    {
        Dossier dossier = birthDossier();
        QCOMPARE(dossier.state, S::Draft);
        QVERIFY(!dossier.id.isNull());
        QVERIFY(dossier.history.empty());
        QVERIFY(!dossier.returned.isValid());

        QDateTime at(QDate(2025, 1, 3), QTime(9, 30));
        const QList<T> happyPath = {T::Capture, T::Sign,       T::SubmitForReview,
                                    T::Approve, T::MarkSynced, T::ReturnResult};
        for (T step : happyPath) {
            at = at.addSecs(60);
            const S before = dossier.state;
            const auto change =
                dossier.apply(step, QStringLiteral("officer-7"), at, QStringLiteral("ok"));
            QCOMPARE(change.from, before);
            QCOMPARE(change.to, dossier.state);
        }
        QCOMPARE(dossier.state, S::ResultReturned);
        QCOMPARE(dossier.returned, at);
        QCOMPARE(dossier.history.size(), size_t(happyPath.size()));
        QCOMPARE(dossier.history.front().action, QStringLiteral("capture"));
        QCOMPARE(dossier.history.back().action, QStringLiteral("return_result"));
        QCOMPARE(dossier.history.back().officerId, QStringLiteral("officer-7"));
        QCOMPARE(dossier.history.back().at, at);
        QCOMPARE(dossier.history.back().note, QStringLiteral("ok"));
    }

    void dossierRefusedStepChangesNothing()
    {
        Dossier dossier = birthDossier();
        const Dossier before = dossier;
        bool refused = false;
        try {
            dossier.apply(T::Approve, QStringLiteral("officer-7"), QDateTime::currentDateTime());
        } catch (const UserError& error) {
            refused = error.kind() == ErrorKind::InvalidInput;
        }
        QVERIFY(refused);
        QCOMPARE(dossier.state, S::Draft);
        QVERIFY(dossier.history.empty());
        QVERIFY(dossier == before);
    }

    void dossierGoesBackThroughCaptureAfterReturnAndSupplement()
    {
        Dossier dossier = birthDossier();
        const QDateTime at(QDate(2025, 1, 3), QTime(10, 0));
        for (T step :
             {T::Capture, T::Sign, T::SubmitForReview, T::ReturnToOfficer, T::ReviseAfterReturn})
            dossier.apply(step, QStringLiteral("officer-7"), at);
        QCOMPARE(dossier.state, S::Draft);
        for (T step : {T::RequestSupplement, T::ResumeAfterSupplement, T::Capture, T::Withdraw})
            dossier.apply(step, QStringLiteral("officer-7"), at);
        QCOMPARE(dossier.state, S::Withdrawn);
        QCOMPARE(DossierLifecycle::nationalStatus(dossier.state), NationalStatus::Withdrawn);
        QVERIFY(!dossier.returned.isValid());
    }

    void dossierComponentQueries()
    {
        Dossier dossier = birthDossier();
        QVERIFY(!dossier.hasDigitizedComponent());
        dossier.components.push_back(Component{.specCode = ComponentCode::parse(u"TP2"),
                                               .isResult = false,
                                               .pages = {Page{}},
                                               .digitized = true,
                                               .reused = false,
                                               .fromNationalDatabase = false});
        dossier.components.push_back(Component{.specCode = ComponentCode::parse(u"KQ.G15.000031"),
                                               .isResult = true,
                                               .pages = {},
                                               .digitized = false,
                                               .reused = true,
                                               .fromNationalDatabase = false});
        QVERIFY(dossier.hasDigitizedComponent());
        QVERIFY(dossier.hasReusedComponent());
        QVERIFY(dossier.findComponent(ComponentCode::parse(u"KQ.G15.000031"))->isResult);
        QVERIFY(!dossier.findComponent(ComponentCode::parse(u"TP1")));
        QVERIFY(dossier.components.front().pages.front().meetsDigitizationStandard());
        Page draft;
        draft.dpi = 150;
        QVERIFY(!draft.meetsDigitizationStandard());
    }
};

QTEST_GUILESS_MAIN(TestDossierLifecycle)
#include "test_dossier_lifecycle.moc"
