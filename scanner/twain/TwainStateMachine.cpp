// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/twain/TwainStateMachine.h"

#include <array>
#include <cstdio>

namespace sohoa::scanner::twain {

namespace {

using S = TwainState;

// Where each triplet SoHoa sends is legal, from the specification's triplet reference.
struct Rule
{
    Triplet triplet;
    TwainState first;
    TwainState last;
};

constexpr std::array kRules{
    Rule{{DG_CONTROL, DAT_PARENT, MSG_OPENDSM}, S::DsmLoaded, S::DsmLoaded},
    Rule{{DG_CONTROL, DAT_PARENT, MSG_CLOSEDSM}, S::DsmOpen, S::DsmOpen},
    Rule{{DG_CONTROL, DAT_ENTRYPOINT, MSG_GET}, S::DsmOpen, S::Transferring},
    Rule{{DG_CONTROL, DAT_STATUS, MSG_GET}, S::DsmLoaded, S::Transferring},
    Rule{{DG_CONTROL, DAT_IDENTITY, MSG_GETFIRST}, S::DsmOpen, S::Transferring},
    Rule{{DG_CONTROL, DAT_IDENTITY, MSG_GETNEXT}, S::DsmOpen, S::Transferring},
    Rule{{DG_CONTROL, DAT_IDENTITY, MSG_OPENDS}, S::DsmOpen, S::DsmOpen},
    Rule{{DG_CONTROL, DAT_IDENTITY, MSG_CLOSEDS}, S::DsOpen, S::DsOpen},
    Rule{{DG_CONTROL, DAT_CAPABILITY, MSG_GET}, S::DsOpen, S::Transferring},
    // Setting needs state 4 unless the source negotiated extended capabilities, which SoHoa
    // never asks for.
    Rule{{DG_CONTROL, DAT_CAPABILITY, MSG_SET}, S::DsOpen, S::DsOpen},
    Rule{{DG_CONTROL, DAT_USERINTERFACE, MSG_ENABLEDS}, S::DsOpen, S::DsOpen},
    Rule{{DG_CONTROL, DAT_USERINTERFACE, MSG_DISABLEDS}, S::DsEnabled, S::DsEnabled},
    Rule{{DG_CONTROL, DAT_EVENT, MSG_PROCESSEVENT}, S::DsEnabled, S::Transferring},
    Rule{{DG_CONTROL, DAT_PENDINGXFERS, MSG_ENDXFER}, S::TransferReady, S::Transferring},
    Rule{{DG_CONTROL, DAT_PENDINGXFERS, MSG_RESET}, S::TransferReady, S::TransferReady},
    Rule{{DG_CONTROL, DAT_SETUPMEMXFER, MSG_GET}, S::DsOpen, S::TransferReady},
    Rule{{DG_IMAGE, DAT_IMAGEINFO, MSG_GET}, S::TransferReady, S::Transferring},
    Rule{{DG_IMAGE, DAT_IMAGEMEMXFER, MSG_GET}, S::TransferReady, S::Transferring},
};

std::string hex(unsigned int value)
{
    std::array<char, 16> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "0x%04x", value);
    return buffer.data();
}

std::string dgName(TW_UINT32 dg)
{
    switch (dg) {
    case DG_CONTROL:
        return "DG_CONTROL";
    case DG_IMAGE:
        return "DG_IMAGE";
    default:
        return "DG_" + hex(dg);
    }
}

std::string datName(TW_UINT16 dat)
{
    switch (dat) {
    case DAT_CAPABILITY:
        return "DAT_CAPABILITY";
    case DAT_EVENT:
        return "DAT_EVENT";
    case DAT_IDENTITY:
        return "DAT_IDENTITY";
    case DAT_PARENT:
        return "DAT_PARENT";
    case DAT_PENDINGXFERS:
        return "DAT_PENDINGXFERS";
    case DAT_SETUPMEMXFER:
        return "DAT_SETUPMEMXFER";
    case DAT_STATUS:
        return "DAT_STATUS";
    case DAT_USERINTERFACE:
        return "DAT_USERINTERFACE";
    case DAT_IMAGEINFO:
        return "DAT_IMAGEINFO";
    case DAT_IMAGEMEMXFER:
        return "DAT_IMAGEMEMXFER";
    case DAT_IMAGENATIVEXFER:
        return "DAT_IMAGENATIVEXFER";
    case DAT_ENTRYPOINT:
        return "DAT_ENTRYPOINT";
    default:
        return "DAT_" + hex(dat);
    }
}

std::string msgName(TW_UINT16 msg)
{
    switch (msg) {
    case MSG_NULL:
        return "MSG_NULL";
    case MSG_GET:
        return "MSG_GET";
    case MSG_GETFIRST:
        return "MSG_GETFIRST";
    case MSG_GETNEXT:
        return "MSG_GETNEXT";
    case MSG_SET:
        return "MSG_SET";
    case MSG_RESET:
        return "MSG_RESET";
    case MSG_XFERREADY:
        return "MSG_XFERREADY";
    case MSG_CLOSEDSREQ:
        return "MSG_CLOSEDSREQ";
    case MSG_OPENDSM:
        return "MSG_OPENDSM";
    case MSG_CLOSEDSM:
        return "MSG_CLOSEDSM";
    case MSG_OPENDS:
        return "MSG_OPENDS";
    case MSG_CLOSEDS:
        return "MSG_CLOSEDS";
    case MSG_DISABLEDS:
        return "MSG_DISABLEDS";
    case MSG_ENABLEDS:
        return "MSG_ENABLEDS";
    case MSG_PROCESSEVENT:
        return "MSG_PROCESSEVENT";
    case MSG_ENDXFER:
        return "MSG_ENDXFER";
    default:
        return "MSG_" + hex(msg);
    }
}

bool succeeded(TW_UINT16 rc)
{
    return rc == TWRC_SUCCESS || rc == TWRC_CHECKSTATUS;
}

} // namespace

std::string stateName(TwainState state)
{
    const char* what = "";
    switch (state) {
    case S::PreSession:
        what = "pre-session";
        break;
    case S::DsmLoaded:
        what = "source manager loaded";
        break;
    case S::DsmOpen:
        what = "source manager open";
        break;
    case S::DsOpen:
        what = "source open";
        break;
    case S::DsEnabled:
        what = "source enabled";
        break;
    case S::TransferReady:
        what = "transfer ready";
        break;
    case S::Transferring:
        what = "transferring";
        break;
    }
    return std::to_string(static_cast<int>(state)) + " (" + what + ")";
}

std::string tripletName(const Triplet& triplet)
{
    return dgName(triplet.dg) + "/" + datName(triplet.dat) + "/" + msgName(triplet.msg);
}

TwainSequenceError::TwainSequenceError(TwainState state, std::string_view what)
    : ScanError(ScanStatus::Unknown,
                "TWAIN sequence error: " + std::string(what) + " in state " + stateName(state)),
      state_(state)
{
}

void TwainStateMachine::dsmLoaded()
{
    if (state_ != S::PreSession) {
        throw TwainSequenceError(state_, "loading the source manager");
    }
    state_ = S::DsmLoaded;
}

void TwainStateMachine::check(const Triplet& triplet) const
{
    for (const Rule& rule : kRules) {
        if (rule.triplet == triplet) {
            if (state_ < rule.first || state_ > rule.last) {
                throw TwainSequenceError(state_, tripletName(triplet));
            }
            return;
        }
    }
    throw TwainSequenceError(state_, tripletName(triplet) + " (not a triplet SoHoa sends)");
}

void TwainStateMachine::completed(const Triplet& triplet, TW_UINT16 rc, TW_UINT16 pending)
{
    check(triplet);
    const auto is = [&](TW_UINT16 dat, TW_UINT16 msg) {
        return triplet.dat == dat && triplet.msg == msg;
    };
    if (is(DAT_IMAGEMEMXFER, MSG_GET)) {
        // The first strip starts the transfer; a failure leaves the state as it was.
        if (rc == TWRC_SUCCESS || rc == TWRC_XFERDONE || rc == TWRC_CANCEL) {
            state_ = S::Transferring;
        }
        return;
    }
    if (!succeeded(rc)) {
        return;
    }
    if (is(DAT_PARENT, MSG_OPENDSM)) {
        state_ = S::DsmOpen;
    } else if (is(DAT_PARENT, MSG_CLOSEDSM)) {
        state_ = S::DsmLoaded;
    } else if (is(DAT_IDENTITY, MSG_OPENDS)) {
        state_ = S::DsOpen;
    } else if (is(DAT_IDENTITY, MSG_CLOSEDS)) {
        state_ = S::DsmOpen;
    } else if (is(DAT_USERINTERFACE, MSG_ENABLEDS)) {
        // TWRC_CHECKSTATUS: enabled, but the source could not honour ShowUI = false.
        state_ = S::DsEnabled;
    } else if (is(DAT_USERINTERFACE, MSG_DISABLEDS)) {
        state_ = S::DsOpen;
    } else if (is(DAT_PENDINGXFERS, MSG_ENDXFER)) {
        state_ = pending != 0 ? S::TransferReady : S::DsEnabled;
    } else if (is(DAT_PENDINGXFERS, MSG_RESET)) {
        state_ = S::DsEnabled;
    }
}

void TwainStateMachine::sourceMessage(TW_UINT16 msg)
{
    if (msg == MSG_XFERREADY && state_ == S::DsEnabled) {
        state_ = S::TransferReady;
        return;
    }
    if (msg == MSG_CLOSEDSREQ && state_ >= S::DsEnabled) {
        return;
    }
    throw TwainSequenceError(state_, "source message " + msgName(msg));
}

} // namespace sohoa::scanner::twain
