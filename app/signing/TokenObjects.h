// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the token layer (includes PKCS#11's types through Pkcs11Api.h).
#include "signing/Pkcs11Api.h"

#include <QByteArray>
#include <QCoreApplication>
#include <vector>

namespace sohoa::signing {

class TokenSession;

// Finds objects (certificates, keys) in a token session and reads their attributes. Failures of
// the module throw UserError; an attribute the object does not have is not a failure.
class TokenObjects
{
    Q_DECLARE_TR_FUNCTIONS(TokenObjects)

public:
    explicit TokenObjects(const TokenSession& session) : session_(session) {}

    // The objects whose attributes equal every one in `match` (values are only read).
    std::vector<CK_OBJECT_HANDLE> find(std::vector<CK_ATTRIBUTE> match) const;
    // A variable-length attribute such as CKA_VALUE, CKA_ID or CKA_LABEL; empty when the object
    // has none or keeps it secret.
    QByteArray bytes(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type) const;
    // A CK_BBOOL attribute, or `absent` when the object does not have it.
    bool flag(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type, bool absent) const;
    // A CK_ULONG attribute (CKA_KEY_TYPE, CKA_CLASS...), which the object must have.
    CK_ULONG number(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type) const;

private:
    const Pkcs11Api& api() const;
    // C_GetAttributeValue for one attribute; true when the object has it.
    bool read(CK_OBJECT_HANDLE object, CK_ATTRIBUTE& attribute) const;

    const TokenSession& session_;
};

} // namespace sohoa::signing
