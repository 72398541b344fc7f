// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/TokenInfo.h"

#include <QCoreApplication>
#include <vector>

namespace sohoa::signing {

class Pkcs11Module;

// Finds the tokens plugged into a module's slots. Throws UserError when the module fails.
class TokenDirectory
{
    Q_DECLARE_TR_FUNCTIONS(TokenDirectory)

public:
    // Every slot that holds an initialized token, in the module's slot order.
    static std::vector<TokenInfo> presentTokens(const Pkcs11Module& module);
    // The token in `slotId` as it stands now; a slot without a token throws (Device).
    static TokenInfo token(const Pkcs11Module& module, unsigned long slotId);
    // The token labelled `label`, or the only token when `label` is empty. None, or several
    // without a label to tell them apart, throws (NotFound / InvalidInput).
    static TokenInfo find(const Pkcs11Module& module, const QString& label);
};

} // namespace sohoa::signing
