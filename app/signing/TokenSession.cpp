// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/TokenSession.h"

#include "domain/UserError.h"
#include "signing/Pkcs11Api.h"
#include "signing/Pkcs11Module.h"
#include "signing/TokenDirectory.h"
#include "signing/TokenErrors.h"

#include <utility>

namespace sohoa::signing {

namespace {

std::optional<TokenInfo> tokenIfReadable(const Pkcs11Module& module, CK_SLOT_ID slotId)
{
    try {
        return TokenDirectory::token(module, slotId);
    } catch (const UserError&) {
        return std::nullopt;
    }
}

} // namespace

TokenSession::TokenSession(std::shared_ptr<const Pkcs11Module> module, unsigned long slotId)
    : module_(std::move(module)), slotId_(slotId)
{
    CK_SESSION_HANDLE handle = CK_INVALID_HANDLE;
    TokenErrors::check(
        module_->api()->C_OpenSession(slotId_, CKF_SERIAL_SESSION, nullptr, nullptr, &handle),
        tr("open a session"));
    handle_ = handle;
}

TokenSession::~TokenSession()
{
    // Failures here (typically: the token is gone) leave nothing to clean up on our side.
    if (loggedIn_)
        module_->api()->C_Logout(handle_);
    module_->api()->C_CloseSession(handle_);
}

void TokenSession::login(const storage::SecureBytes& pin)
{
    if (pin.empty() && !TokenDirectory::token(*module_, slotId_).protectedAuthenticationPath)
        throw UserError(ErrorKind::AccessDenied,
                        tr("The token needs its PIN; enter it and try again."));
    // Already logged in (another session of this process did it): that session logs out.
    loggedIn_ = logIn(CKU_USER, pin) == CKR_OK;
}

void TokenSession::loginForOperation(const storage::SecureBytes& pin)
{
    logIn(CKU_CONTEXT_SPECIFIC, pin);
}

unsigned long TokenSession::logIn(unsigned long userType, const storage::SecureBytes& pin)
{
    // A null PIN lets the reader's PIN pad ask for it. PKCS#11 2.40 declares the PIN
    // non-const; modules only read it.
    auto* pinBytes = pin.empty() ? nullptr : const_cast<CK_UTF8CHAR*>(pin.data());
    const CK_RV result = module_->api()->C_Login(handle_, userType, pinBytes, pin.size());
    if (result == CKR_OK || (result == CKR_USER_ALREADY_LOGGED_IN && userType == CKU_USER))
        return result;
    TokenErrors::raiseLoginRefused(result, tokenIfReadable(*module_, slotId_));
}

} // namespace sohoa::signing
