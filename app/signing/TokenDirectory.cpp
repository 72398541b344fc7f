// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/TokenDirectory.h"

#include "domain/UserError.h"
#include "signing/Pkcs11Api.h"
#include "signing/Pkcs11Module.h"
#include "signing/TokenErrors.h"

namespace sohoa::signing {

namespace {

TokenInfo fromPkcs11(CK_SLOT_ID slotId, const CK_TOKEN_INFO& info)
{
    TokenInfo token;
    token.slotId = slotId;
    token.label = Pkcs11Api::paddedText(info.label);
    token.manufacturer = Pkcs11Api::paddedText(info.manufacturerID);
    token.model = Pkcs11Api::paddedText(info.model);
    token.serialNumber = Pkcs11Api::paddedText(info.serialNumber);
    token.loginRequired = (info.flags & CKF_LOGIN_REQUIRED) != 0;
    token.protectedAuthenticationPath = (info.flags & CKF_PROTECTED_AUTHENTICATION_PATH) != 0;
    token.pinCountLow = (info.flags & CKF_USER_PIN_COUNT_LOW) != 0;
    token.pinFinalTry = (info.flags & CKF_USER_PIN_FINAL_TRY) != 0;
    token.pinLocked = (info.flags & CKF_USER_PIN_LOCKED) != 0;
    return token;
}

std::vector<CK_SLOT_ID> slotsWithToken(const Pkcs11Api& api, const QString& action)
{
    // The count can grow between the two calls when a token is plugged in; ask again then.
    std::vector<CK_SLOT_ID> slotIds;
    CK_RV result = CKR_BUFFER_TOO_SMALL;
    while (result == CKR_BUFFER_TOO_SMALL) {
        CK_ULONG count = 0;
        TokenErrors::check(api->C_GetSlotList(CK_TRUE, nullptr, &count), action);
        slotIds.resize(count);
        result = api->C_GetSlotList(CK_TRUE, slotIds.data(), &count);
        slotIds.resize(count);
    }
    TokenErrors::check(result, action);
    return slotIds;
}

} // namespace

std::vector<TokenInfo> TokenDirectory::presentTokens(const Pkcs11Module& module)
{
    std::vector<TokenInfo> tokens;
    for (CK_SLOT_ID slotId : slotsWithToken(module.api(), tr("list its slotIds"))) {
        CK_TOKEN_INFO info{};
        // A token pulled out since the slot list was read is simply not there any more; one
        // never initialized (SoftHSM2 always offers such a free slot) holds no keys.
        if (module.api()->C_GetTokenInfo(slotId, &info) == CKR_OK &&
            (info.flags & CKF_TOKEN_INITIALIZED) != 0)
            tokens.push_back(fromPkcs11(slotId, info));
    }
    return tokens;
}

TokenInfo TokenDirectory::token(const Pkcs11Module& module, unsigned long slotId)
{
    CK_TOKEN_INFO info{};
    TokenErrors::check(module.api()->C_GetTokenInfo(slotId, &info), tr("describe itself"));
    return fromPkcs11(slotId, info);
}

TokenInfo TokenDirectory::find(const Pkcs11Module& module, const QString& label)
{
    const std::vector<TokenInfo> tokens = presentTokens(module);
    if (label.isEmpty()) {
        if (tokens.size() == 1)
            return tokens.front();
        if (tokens.empty())
            TokenErrors::raise(CKR_TOKEN_NOT_PRESENT, {});
        QStringList labels;
        for (const TokenInfo& token : tokens)
            labels << token.label;
        throw UserError(ErrorKind::InvalidInput,
                        tr("Several tokens are plugged in (%1); choose one by its label.")
                            .arg(labels.join(QStringLiteral(", "))));
    }
    for (const TokenInfo& token : tokens)
        if (token.label == label)
            return token;
    throw UserError(
        ErrorKind::NotFound,
        tr("No token labelled \"%1\" is plugged in; plug it in or check the label.").arg(label));
}

} // namespace sohoa::signing
