// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the token layer (includes PKCS#11's types through Pkcs11Api.h).
#include "signing/Pkcs11Api.h"
#include "signing/TokenInfo.h"

#include <QCoreApplication>
#include <optional>

namespace sohoa::signing {

// Turns PKCS#11 return values into messages the officer can act on (UserError): a pulled token,
// a wrong PIN with the tries left, a locked or expired PIN, a failing device.
class TokenErrors
{
    Q_DECLARE_TR_FUNCTIONS(TokenErrors)

public:
    // Returns when `result` is CKR_OK; otherwise throws the UserError for a call made to
    // `action`, a phrase that completes "The token could not ..." (e.g. "read its certificates").
    static void check(CK_RV result, const QString& action);
    [[noreturn]] static void raise(CK_RV result, const QString& action);

    // For a refused C_Login. `after` is the token read after the refusal: its flags tell how
    // many tries are left, which the refusal itself does not. Empty when it could not be read.
    [[noreturn]] static void raiseLoginRefused(CK_RV result, const std::optional<TokenInfo>& after);
};

} // namespace sohoa::signing
