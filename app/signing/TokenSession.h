// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/SecureBytes.h"

#include <QCoreApplication>
#include <memory>

namespace sohoa::signing {

class Pkcs11Module;

// A session with the token in one slot; logged out and closed when destroyed, which also works
// (silently) after the token was pulled out. Not copyable or movable: objects found in it are
// only valid while it lives.
class TokenSession
{
    Q_DECLARE_TR_FUNCTIONS(TokenSession)

public:
    // Opens a read-only session; signing needs no more. Throws UserError.
    TokenSession(std::shared_ptr<const Pkcs11Module> module, unsigned long slotId);
    ~TokenSession();
    TokenSession(const TokenSession&) = delete;
    TokenSession& operator=(const TokenSession&) = delete;

    // Logs the officer in. The PIN goes to the module straight from locked memory; an empty PIN
    // on a reader with a PIN pad lets the officer type it there. A wrong PIN throws UserError
    // saying how many tries the token has left; a locked token says whom to ask.
    void login(const storage::SecureBytes& pin);
    // Re-enters the PIN for the operation just started on a key that demands it every time
    // (CKA_ALWAYS_AUTHENTICATE). Throws like login().
    void loginForOperation(const storage::SecureBytes& pin);

    const Pkcs11Module& module() const { return *module_; }
    unsigned long slotId() const { return slotId_; }
    unsigned long handle() const { return handle_; }

private:
    // Returns CKR_OK, or CKR_USER_ALREADY_LOGGED_IN for a user login; throws otherwise.
    unsigned long logIn(unsigned long userType, const storage::SecureBytes& pin);

    std::shared_ptr<const Pkcs11Module> module_;
    unsigned long slotId_;
    unsigned long handle_ = 0;
    bool loggedIn_ = false;
};

} // namespace sohoa::signing
