// SPDX-License-Identifier: GPL-3.0-or-later
//
// sohoa-pkcs11-fault-shim: a PKCS#11 module that forwards every call to a real module (the file
// named by SOHOA_SHIM_TARGET, default /usr/lib/softhsm/libsofthsm2.so) and injects the faults
// of a real USB token that SoftHSM2 cannot show. Tests write the control file named by
// SOHOA_SHIM_CONTROL; it is read again on every call that can be faulted, so a test may change
// it halfway through a batch. One command a line:
//
//   pin-count-low      C_GetTokenInfo reports CKF_USER_PIN_COUNT_LOW.
//   pin-final-try      C_GetTokenInfo reports CKF_USER_PIN_FINAL_TRY.
//   pin-locked         C_GetTokenInfo reports CKF_USER_PIN_LOCKED; user logins answer
//                      CKR_PIN_LOCKED without reaching the real module.
//   pin-tries N        A PIN counter with N tries. Each wrong PIN (user or context-specific)
//                      costs one, a right one restores N. Flags: COUNT_LOW once a try is lost,
//                      FINAL_TRY at 1 left, LOCKED at 0, when logins answer CKR_PIN_LOCKED.
//   remove-token-after-signs N
//                      After N successful C_Sign calls the token is gone: C_SignInit, C_Sign
//                      and C_Login answer CKR_DEVICE_REMOVED, C_OpenSession and C_GetTokenInfo
//                      CKR_TOKEN_NOT_PRESENT, and no slot reports a token. Removing the line
//                      plugs it back in.
//   always-authenticate
//                      Private keys report CKA_ALWAYS_AUTHENTICATE = TRUE, and C_Sign answers
//                      CKR_USER_NOT_LOGGED_IN unless C_Login(CKU_CONTEXT_SPECIFIC) with the PIN
//                      of the last user login came after the C_SignInit.
//   login-log PATH     Appends "user" or "context-specific" to PATH for each successful login.
//
// The PIN flags come from these commands only; the real module's are masked. The counters
// (tries left, successful signatures) live in memory from C_Initialize to C_Finalize; the PIN
// counter restarts whenever the pin-tries value in the file changes.

#include "ShimControl.h"

#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <fstream>
#include <map>
#include <mutex>
#include <p11-kit/pkcs11.h>
#include <vector>

namespace sohoa::testing::shim {

namespace {

// The shim alone reports these: SoftHSM2 sets COUNT_LOW after any wrong PIN and never counts on.
constexpr CK_FLAGS kPinFlags =
    CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED;

// The real module, loaded once and unloaded with the shim.
class Target
{
public:
    Target()
    {
        const char* path = std::getenv("SOHOA_SHIM_TARGET");
        library_ = dlopen(path ? path : "/usr/lib/softhsm/libsofthsm2.so", RTLD_NOW | RTLD_LOCAL);
        if (library_ == nullptr) {
            std::fprintf(stderr, "sohoa-pkcs11-fault-shim: %s\n", dlerror());
            return;
        }
        const auto getFunctionList =
            reinterpret_cast<CK_C_GetFunctionList>(dlsym(library_, "C_GetFunctionList"));
        if (getFunctionList == nullptr || getFunctionList(&functions_) != CKR_OK)
            functions_ = nullptr;
    }
    ~Target()
    {
        if (library_ != nullptr)
            dlclose(library_);
    }
    Target(const Target&) = delete;
    Target& operator=(const Target&) = delete;

    CK_FUNCTION_LIST* functions() const { return functions_; }

private:
    void* library_ = nullptr;
    CK_FUNCTION_LIST* functions_ = nullptr;
};

// Null when the real module could not be loaded.
CK_FUNCTION_LIST* loadedReal()
{
    static const Target target;
    return target.functions();
}

CK_FUNCTION_LIST& real()
{
    return *loadedReal();
}

struct SignState
{
    bool awaitingContextLogin = false; // C_SignInit succeeded on an always-authenticate key
    bool contextLoggedIn = false;
};

// What the shim remembers between calls; guarded by `mutex`.
struct ShimState
{
    std::mutex mutex;
    std::optional<unsigned long> triesConfigured;
    unsigned long triesLeft = 0;
    unsigned long successfulSigns = 0;
    std::vector<CK_UTF8CHAR> userPin; // of the last successful user login
    std::map<CK_SESSION_HANDLE, SignState> sessions;

    void reset()
    {
        triesConfigured.reset();
        triesLeft = 0;
        successfulSigns = 0;
        userPin.clear();
        sessions.clear();
    }

    // Reads the control file and brings the PIN counter in line with it.
    ShimControl control()
    {
        ShimControl current = ShimControl::read();
        if (current.pinTries != triesConfigured) {
            triesConfigured = current.pinTries;
            triesLeft = current.pinTries.value_or(0);
        }
        return current;
    }

    bool removed(const ShimControl& control) const
    {
        return control.removeTokenAfterSigns && successfulSigns >= *control.removeTokenAfterSigns;
    }

    bool locked(const ShimControl& control) const
    {
        return control.pinLocked || (control.pinTries && triesLeft == 0);
    }

    CK_FLAGS pinFlags(const ShimControl& control) const
    {
        CK_FLAGS flags = 0;
        if (control.pinCountLow || (control.pinTries && triesLeft < *control.pinTries))
            flags |= CKF_USER_PIN_COUNT_LOW;
        if (control.pinFinalTry || (control.pinTries && triesLeft == 1))
            flags |= CKF_USER_PIN_FINAL_TRY;
        if (locked(control))
            flags |= CKF_USER_PIN_LOCKED;
        return flags;
    }

    void wrongPin()
    {
        if (triesConfigured && triesLeft > 0)
            --triesLeft;
    }
};

ShimState& state()
{
    static ShimState shared;
    return shared;
}

void logLogin(const ShimControl& control, const char* kind)
{
    if (!control.loginLog.empty())
        std::ofstream(control.loginLog, std::ios::app) << kind << '\n';
}

bool isPrivateKey(CK_SESSION_HANDLE session, CK_OBJECT_HANDLE object)
{
    CK_OBJECT_CLASS objectClass = 0;
    CK_ATTRIBUTE attribute{CKA_CLASS, &objectClass, sizeof objectClass};
    return real().C_GetAttributeValue(session, object, &attribute, 1) == CKR_OK &&
           objectClass == CKO_PRIVATE_KEY;
}

CK_RV initialize(CK_VOID_PTR arguments)
{
    {
        const std::lock_guard lock(state().mutex);
        state().reset();
    }
    return real().C_Initialize(arguments);
}

CK_RV finalize(CK_VOID_PTR reserved)
{
    {
        const std::lock_guard lock(state().mutex);
        state().reset();
    }
    return real().C_Finalize(reserved);
}

CK_RV getSlotList(CK_BBOOL tokenPresent, CK_SLOT_ID_PTR slotList, CK_ULONG_PTR count)
{
    const std::lock_guard lock(state().mutex);
    if (tokenPresent && count != nullptr && state().removed(state().control())) {
        *count = 0;
        return CKR_OK;
    }
    return real().C_GetSlotList(tokenPresent, slotList, count);
}

CK_RV getSlotInfo(CK_SLOT_ID slot, CK_SLOT_INFO_PTR info)
{
    const std::lock_guard lock(state().mutex);
    const CK_RV result = real().C_GetSlotInfo(slot, info);
    if (result == CKR_OK && state().removed(state().control()))
        info->flags &= ~CKF_TOKEN_PRESENT;
    return result;
}

CK_RV getTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO_PTR info)
{
    const std::lock_guard lock(state().mutex);
    const ShimControl control = state().control();
    if (state().removed(control))
        return CKR_TOKEN_NOT_PRESENT;
    const CK_RV result = real().C_GetTokenInfo(slot, info);
    if (result == CKR_OK)
        info->flags = (info->flags & ~kPinFlags) | state().pinFlags(control);
    return result;
}

CK_RV openSession(CK_SLOT_ID slot, CK_FLAGS flags, CK_VOID_PTR application, CK_NOTIFY notify,
                  CK_SESSION_HANDLE_PTR session)
{
    const std::lock_guard lock(state().mutex);
    if (state().removed(state().control()))
        return CKR_TOKEN_NOT_PRESENT;
    return real().C_OpenSession(slot, flags, application, notify, session);
}

CK_RV closeSession(CK_SESSION_HANDLE session)
{
    const std::lock_guard lock(state().mutex);
    state().sessions.erase(session);
    return real().C_CloseSession(session);
}

// Checks the PIN against the last user login's, as the real module cannot do it here.
CK_RV contextSpecificLogin(const ShimControl& control, CK_SESSION_HANDLE session,
                           CK_UTF8CHAR_PTR pin, CK_ULONG length)
{
    ShimState& shim = state();
    SignState& signing = shim.sessions[session];
    if (!signing.awaitingContextLogin)
        return CKR_OPERATION_NOT_INITIALIZED;
    if (shim.locked(control))
        return CKR_PIN_LOCKED;
    if (pin == nullptr || std::vector<CK_UTF8CHAR>(pin, pin + length) != shim.userPin) {
        shim.wrongPin();
        return CKR_PIN_INCORRECT;
    }
    signing.contextLoggedIn = true;
    logLogin(control, "context-specific");
    return CKR_OK;
}

CK_RV login(CK_SESSION_HANDLE session, CK_USER_TYPE userType, CK_UTF8CHAR_PTR pin, CK_ULONG length)
{
    const std::lock_guard lock(state().mutex);
    ShimState& shim = state();
    const ShimControl control = shim.control();
    if (shim.removed(control))
        return CKR_DEVICE_REMOVED;
    if (userType == CKU_CONTEXT_SPECIFIC && control.alwaysAuthenticate)
        return contextSpecificLogin(control, session, pin, length);
    if (userType == CKU_USER && shim.locked(control))
        return CKR_PIN_LOCKED;
    const CK_RV result = real().C_Login(session, userType, pin, length);
    if (userType != CKU_USER)
        return result;
    if (result == CKR_PIN_INCORRECT)
        shim.wrongPin();
    if (result == CKR_OK) {
        shim.triesLeft = control.pinTries.value_or(0);
        shim.userPin.assign(pin, pin + length);
        logLogin(control, "user");
    }
    return result;
}

CK_RV logout(CK_SESSION_HANDLE session)
{
    const std::lock_guard lock(state().mutex);
    state().userPin.clear();
    return real().C_Logout(session);
}

CK_RV signInit(CK_SESSION_HANDLE session, CK_MECHANISM_PTR mechanism, CK_OBJECT_HANDLE key)
{
    const std::lock_guard lock(state().mutex);
    const ShimControl control = state().control();
    if (state().removed(control))
        return CKR_DEVICE_REMOVED;
    const CK_RV result = real().C_SignInit(session, mechanism, key);
    if (result == CKR_OK && control.alwaysAuthenticate)
        state().sessions[session] = SignState{true, false};
    return result;
}

CK_RV sign(CK_SESSION_HANDLE session, CK_BYTE_PTR data, CK_ULONG dataLength, CK_BYTE_PTR signature,
           CK_ULONG_PTR signatureLength)
{
    const std::lock_guard lock(state().mutex);
    ShimState& shim = state();
    const ShimControl control = shim.control();
    if (shim.removed(control))
        return CKR_DEVICE_REMOVED;
    SignState& signing = shim.sessions[session];
    const bool lengthQuery = signature == nullptr;
    if (!lengthQuery && signing.awaitingContextLogin && !signing.contextLoggedIn) {
        // A failed C_Sign ends the operation: end the real module's one too.
        std::vector<CK_BYTE> discarded(4096);
        CK_ULONG discardedLength = discarded.size();
        real().C_Sign(session, data, dataLength, discarded.data(), &discardedLength);
        signing = {};
        return CKR_USER_NOT_LOGGED_IN;
    }
    const CK_RV result = real().C_Sign(session, data, dataLength, signature, signatureLength);
    if (!lengthQuery && result != CKR_BUFFER_TOO_SMALL) {
        signing = {};
        if (result == CKR_OK)
            ++shim.successfulSigns;
    }
    return result;
}

CK_RV getAttributeValue(CK_SESSION_HANDLE session, CK_OBJECT_HANDLE object,
                        CK_ATTRIBUTE_PTR attributes, CK_ULONG count)
{
    const std::lock_guard lock(state().mutex);
    const CK_RV result = real().C_GetAttributeValue(session, object, attributes, count);
    if (result != CKR_OK || !state().control().alwaysAuthenticate || !isPrivateKey(session, object))
        return result;
    for (CK_ULONG index = 0; index < count; ++index) {
        CK_ATTRIBUTE& attribute = attributes[index];
        if (attribute.type != CKA_ALWAYS_AUTHENTICATE)
            continue;
        if (attribute.pValue != nullptr && attribute.ulValueLen >= sizeof(CK_BBOOL))
            *static_cast<CK_BBOOL*>(attribute.pValue) = CK_TRUE;
        attribute.ulValueLen = sizeof(CK_BBOOL);
    }
    return result;
}

CK_RV getFunctionList(CK_FUNCTION_LIST_PTR_PTR list);

// The real module's table with the faulted entries replaced.
CK_FUNCTION_LIST* shimFunctions()
{
    static CK_FUNCTION_LIST functions = [] {
        CK_FUNCTION_LIST table = real();
        table.C_Initialize = initialize;
        table.C_Finalize = finalize;
        table.C_GetFunctionList = getFunctionList;
        table.C_GetSlotList = getSlotList;
        table.C_GetSlotInfo = getSlotInfo;
        table.C_GetTokenInfo = getTokenInfo;
        table.C_OpenSession = openSession;
        table.C_CloseSession = closeSession;
        table.C_Login = login;
        table.C_Logout = logout;
        table.C_SignInit = signInit;
        table.C_Sign = sign;
        table.C_GetAttributeValue = getAttributeValue;
        return table;
    }();
    return &functions;
}

CK_RV getFunctionList(CK_FUNCTION_LIST_PTR_PTR list)
{
    if (list == nullptr)
        return CKR_ARGUMENTS_BAD;
    if (loadedReal() == nullptr)
        return CKR_GENERAL_ERROR;
    *list = shimFunctions();
    return CKR_OK;
}

} // namespace

} // namespace sohoa::testing::shim

extern "C" __attribute__((visibility("default"))) CK_RV
C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR list)
{
    return sohoa::testing::shim::getFunctionList(list);
}
