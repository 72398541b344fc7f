// SPDX-License-Identifier: GPL-3.0-or-later
// The TWAIN session states: the triplets SoHoa sends are accepted only where the specification
// allows them, and each result moves the session to the right state.

#include "scanner/twain/TwainStateMachine.h"

#include <QTest>

using namespace sohoa::scanner::twain;

namespace {

constexpr Triplet kOpenDsm{DG_CONTROL, DAT_PARENT, MSG_OPENDSM};
constexpr Triplet kCloseDsm{DG_CONTROL, DAT_PARENT, MSG_CLOSEDSM};
constexpr Triplet kOpenDs{DG_CONTROL, DAT_IDENTITY, MSG_OPENDS};
constexpr Triplet kCloseDs{DG_CONTROL, DAT_IDENTITY, MSG_CLOSEDS};
constexpr Triplet kSetCap{DG_CONTROL, DAT_CAPABILITY, MSG_SET};
constexpr Triplet kEnable{DG_CONTROL, DAT_USERINTERFACE, MSG_ENABLEDS};
constexpr Triplet kDisable{DG_CONTROL, DAT_USERINTERFACE, MSG_DISABLEDS};
constexpr Triplet kMemXfer{DG_IMAGE, DAT_IMAGEMEMXFER, MSG_GET};
constexpr Triplet kEndXfer{DG_CONTROL, DAT_PENDINGXFERS, MSG_ENDXFER};
constexpr Triplet kReset{DG_CONTROL, DAT_PENDINGXFERS, MSG_RESET};

// Runs the machine to `target` the normal way.
TwainStateMachine machineIn(TwainState target)
{
    TwainStateMachine m;
    const auto step = [&](TwainState when, auto&& action) {
        if (m.state() < target && m.state() == when) {
            action();
        }
    };
    step(TwainState::PreSession, [&] { m.dsmLoaded(); });
    step(TwainState::DsmLoaded, [&] { m.completed(kOpenDsm, TWRC_SUCCESS); });
    step(TwainState::DsmOpen, [&] { m.completed(kOpenDs, TWRC_SUCCESS); });
    step(TwainState::DsOpen, [&] { m.completed(kEnable, TWRC_SUCCESS); });
    step(TwainState::DsEnabled, [&] { m.sourceMessage(MSG_XFERREADY); });
    step(TwainState::TransferReady, [&] { m.completed(kMemXfer, TWRC_SUCCESS); });
    return m;
}

} // namespace

class TestTwainStateMachine : public QObject
{
    Q_OBJECT

private slots:
    void fullSessionUpAndDown()
    {
        TwainStateMachine m = machineIn(TwainState::Transferring);
        QCOMPARE(m.state(), TwainState::Transferring);
        m.completed(kMemXfer, TWRC_XFERDONE);
        QCOMPARE(m.state(), TwainState::Transferring);
        m.completed(kEndXfer, TWRC_SUCCESS, 1); // another page pending
        QCOMPARE(m.state(), TwainState::TransferReady);
        m.completed(kMemXfer, TWRC_SUCCESS);
        m.completed(kEndXfer, TWRC_SUCCESS, 0);
        QCOMPARE(m.state(), TwainState::DsEnabled);
        m.completed(kDisable, TWRC_SUCCESS);
        QCOMPARE(m.state(), TwainState::DsOpen);
        m.completed(kCloseDs, TWRC_SUCCESS);
        QCOMPARE(m.state(), TwainState::DsmOpen);
        m.completed(kCloseDsm, TWRC_SUCCESS);
        QCOMPARE(m.state(), TwainState::DsmLoaded);
    }

    void resetDiscardsPendingTransfers()
    {
        TwainStateMachine m = machineIn(TwainState::TransferReady);
        m.completed(kReset, TWRC_SUCCESS);
        QCOMPARE(m.state(), TwainState::DsEnabled);
    }

    void failuresKeepTheState()
    {
        TwainStateMachine m = machineIn(TwainState::DsmOpen);
        m.completed(kOpenDs, TWRC_FAILURE);
        QCOMPARE(m.state(), TwainState::DsmOpen);
        m = machineIn(TwainState::TransferReady);
        m.completed(kMemXfer, TWRC_FAILURE); // e.g. a paper jam before the first strip
        QCOMPARE(m.state(), TwainState::TransferReady);
        m = machineIn(TwainState::DsOpen);
        m.completed(kEnable, TWRC_CHECKSTATUS); // enabled, with the source's own window
        QCOMPARE(m.state(), TwainState::DsEnabled);
    }

    void outOfOrderTripletsAreRejected_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("which");
        // which: 0 open DS, 1 set capability, 2 enable, 3 memory transfer, 4 reset, 5 close DSM
        QTest::newRow("open source before the DSM") << 2 << 0;
        QTest::newRow("set capability while enabled") << 5 << 1;
        QTest::newRow("set capability before opening") << 3 << 1;
        QTest::newRow("enable twice") << 5 << 2;
        QTest::newRow("transfer before XFERREADY") << 5 << 3;
        QTest::newRow("reset while transferring") << 7 << 4;
        QTest::newRow("close DSM with a source open") << 4 << 5;
    }

    void outOfOrderTripletsAreRejected()
    {
        QFETCH(int, state);
        QFETCH(int, which);
        const Triplet triplets[] = {kOpenDs, kSetCap, kEnable, kMemXfer, kReset, kCloseDsm};
        const TwainStateMachine m = machineIn(static_cast<TwainState>(state));
        QCOMPARE(static_cast<int>(m.state()), state);
        try {
            m.check(triplets[which]);
            QFAIL("accepted");
        } catch (const TwainSequenceError& e) {
            QCOMPARE(static_cast<int>(e.state()), state);
            const std::string text = e.what();
            QVERIFY2(text.find(tripletName(triplets[which])) != std::string::npos, e.what());
            QVERIFY2(text.find("state " + std::to_string(state)) != std::string::npos, e.what());
        }
    }

    void sourceMessagesOnlyWhileEnabled()
    {
        TwainStateMachine m = machineIn(TwainState::DsOpen);
        QVERIFY_THROWS_EXCEPTION(TwainSequenceError, m.sourceMessage(MSG_XFERREADY));
        m = machineIn(TwainState::TransferReady);
        QVERIFY_THROWS_EXCEPTION(TwainSequenceError, m.sourceMessage(MSG_XFERREADY));
        m.sourceMessage(MSG_CLOSEDSREQ);
        QCOMPARE(m.state(), TwainState::TransferReady);
    }

    void unknownTripletsAreRejected()
    {
        const TwainStateMachine m = machineIn(TwainState::TransferReady);
        QVERIFY_THROWS_EXCEPTION(TwainSequenceError,
                                 m.check(Triplet{DG_IMAGE, DAT_IMAGENATIVEXFER, MSG_GET}));
    }

    void names()
    {
        QCOMPARE(tripletName(kOpenDsm), std::string("DG_CONTROL/DAT_PARENT/MSG_OPENDSM"));
        QCOMPARE(tripletName(Triplet{DG_IMAGE, 0x0999, 0x0777}),
                 std::string("DG_IMAGE/DAT_0x0999/MSG_0x0777"));
        QCOMPARE(stateName(TwainState::DsEnabled), std::string("5 (source enabled)"));
    }
};

QTEST_GUILESS_MAIN(TestTwainStateMachine)
#include "test_twain_state_machine.moc"
