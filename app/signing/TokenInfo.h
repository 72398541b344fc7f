// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace sohoa::signing {

// How close the token's user PIN is to locking, from its flags (worst first).
enum class PinState
{
    Locked,       // CKF_USER_PIN_LOCKED: only the certificate provider can unlock it
    FinalTry,     // CKF_USER_PIN_FINAL_TRY: one more wrong PIN locks the token
    FewTriesLeft, // CKF_USER_PIN_COUNT_LOW: a wrong PIN was entered since the last good one
    Normal,
};

// What a token in a slot says about itself (C_GetTokenInfo).
struct TokenInfo
{
    unsigned long slotId = 0;
    QString label;
    QString manufacturer;
    QString model;
    QString serialNumber;
    bool loginRequired = false;
    // The PIN is entered on the reader's own PIN pad, not given to the module.
    bool protectedAuthenticationPath = false;
    bool pinCountLow = false;
    bool pinFinalTry = false;
    bool pinLocked = false;

    PinState pinState() const
    {
        if (pinLocked)
            return PinState::Locked;
        if (pinFinalTry)
            return PinState::FinalTry;
        return pinCountLow ? PinState::FewTriesLeft : PinState::Normal;
    }
};

} // namespace sohoa::signing
