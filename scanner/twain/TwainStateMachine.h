// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The TWAIN session states (specification chapter 2, "The TWAIN states") and which of the
// triplets SoHoa issues may be sent in each. The session checks every call here before it
// reaches the data source manager, so a wrong order fails loudly in SoHoa's own tests instead
// of confusing a vendor's data source on a counter PC.

#include "scanner/ScanError.h"
#include "scanner/twain/TwainTypes.h"

#include <string>
#include <string_view>

namespace sohoa::scanner::twain {

enum class TwainState
{
    PreSession = 1,    // no DSM loaded
    DsmLoaded = 2,     // DSM library loaded, not opened
    DsmOpen = 3,       // DSM open: sources can be listed
    DsOpen = 4,        // a source is open: capabilities can be negotiated
    DsEnabled = 5,     // the source is acquiring; waiting for MSG_XFERREADY
    TransferReady = 6, // an image is ready to transfer
    Transferring = 7,  // an image transfer is under way
};

// "4 (source open)"-style text for messages.
std::string stateName(TwainState state);

struct Triplet
{
    TW_UINT32 dg = 0;
    TW_UINT16 dat = 0;
    TW_UINT16 msg = 0;

    bool operator==(const Triplet&) const = default;
};

// "DG_CONTROL/DAT_PARENT/MSG_OPENDSM"; unknown parts in hex.
std::string tripletName(const Triplet& triplet);

// A triplet or source message that is not allowed in the current state: what TWAIN calls a
// sequence error (TWCC_SEQERROR). A ScanError, so it reaches callers of the driver like any
// other failure.
class TwainSequenceError : public ScanError
{
public:
    TwainSequenceError(TwainState state, std::string_view what);

    TwainState state() const noexcept { return state_; }

private:
    TwainState state_;
};

class TwainStateMachine
{
public:
    TwainState state() const noexcept { return state_; }

    // The DSM library was loaded (1 -> 2); the platform unloads it after the session ended.
    void dsmLoaded();

    // Throws TwainSequenceError unless `triplet` may be sent in the current state.
    void check(const Triplet& triplet) const;

    // Records the return code of a triplet check() allowed. `pending` is the Count the source
    // left in TW_PENDINGXFERS (MSG_ENDXFER: non-zero keeps a transfer ready).
    void completed(const Triplet& triplet, TW_UINT16 rc, TW_UINT16 pending = 0);

    // The source posted a message through DAT_EVENT: MSG_XFERREADY (5 -> 6) or
    // MSG_CLOSEDSREQ (no change: the application answers by disabling the source).
    void sourceMessage(TW_UINT16 msg);

private:
    TwainState state_ = TwainState::PreSession;
};

} // namespace sohoa::scanner::twain
