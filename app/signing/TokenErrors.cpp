// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/TokenErrors.h"

#include "domain/UserError.h"

#include <p11-kit/p11-kit.h>

namespace sohoa::signing {

namespace {

bool isWrongPin(CK_RV result)
{
    return result == CKR_PIN_INCORRECT || result == CKR_PIN_INVALID || result == CKR_PIN_LEN_RANGE;
}

} // namespace

void TokenErrors::check(CK_RV result, const QString& action)
{
    if (result != CKR_OK)
        raise(result, action);
}

void TokenErrors::raise(CK_RV result, const QString& action)
{
    switch (result) {
    case CKR_DEVICE_REMOVED:
    case CKR_SESSION_HANDLE_INVALID: // what most modules answer once the token is gone
    case CKR_SESSION_CLOSED:
        throw UserError(ErrorKind::Device,
                        tr("The token was removed; plug it back in and sign again."));
    case CKR_TOKEN_NOT_PRESENT:
        throw UserError(ErrorKind::Device,
                        tr("No token is plugged in; plug in your signing token and try again."));
    case CKR_DEVICE_ERROR:
    case CKR_DEVICE_MEMORY:
        throw UserError(ErrorKind::Device,
                        tr("The token reported a device error; unplug it, plug it back in and "
                           "try again."));
    case CKR_PIN_LOCKED:
        throw UserError(ErrorKind::AccessDenied,
                        tr("The token is locked; ask the certificate provider to unlock it."));
    case CKR_PIN_EXPIRED:
        throw UserError(ErrorKind::AccessDenied,
                        tr("The token's PIN has expired; change it with the token vendor's "
                           "tool, then sign again."));
    case CKR_USER_PIN_NOT_INITIALIZED:
        throw UserError(ErrorKind::AccessDenied,
                        tr("The token has no user PIN yet; set one with the token vendor's "
                           "tool."));
    default:
        if (isWrongPin(result))
            throw UserError(ErrorKind::AccessDenied, tr("Wrong PIN; check it and try again."));
        throw UserError(ErrorKind::Device,
                        tr("The token could not %1: %2.")
                            .arg(action, QString::fromUtf8(p11_kit_strerror(result))));
    }
}

void TokenErrors::raiseLoginRefused(CK_RV result, const std::optional<TokenInfo>& after)
{
    const PinState state = after ? after->pinState() : PinState::Normal;
    if (result == CKR_PIN_LOCKED || state == PinState::Locked)
        raise(CKR_PIN_LOCKED, {});
    if (!isWrongPin(result))
        raise(result, tr("log in"));
    if (state == PinState::FinalTry)
        throw UserError(ErrorKind::AccessDenied,
                        tr("Wrong PIN; one try is left before the token locks."));
    if (state == PinState::FewTriesLeft)
        throw UserError(ErrorKind::AccessDenied,
                        tr("Wrong PIN; only a few tries are left before the token locks."));
    raise(result, {}); // a wrong PIN on a token that reports no count
}

} // namespace sohoa::signing
