// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/TokenObjects.h"

#include "signing/Pkcs11Module.h"
#include "signing/TokenErrors.h"
#include "signing/TokenSession.h"

namespace sohoa::signing {

namespace {

// Objects are fetched in batches of this many per C_FindObjects call.
constexpr CK_ULONG kFindBatch = 32;

} // namespace

const Pkcs11Api& TokenObjects::api() const
{
    return session_.module().api();
}

std::vector<CK_OBJECT_HANDLE> TokenObjects::find(std::vector<CK_ATTRIBUTE> match) const
{
    const QString action = tr("search its objects");
    TokenErrors::check(api()->C_FindObjectsInit(session_.handle(), match.data(), match.size()),
                       action);
    std::vector<CK_OBJECT_HANDLE> found;
    CK_RV result = CKR_OK;
    for (;;) {
        CK_OBJECT_HANDLE batch[kFindBatch];
        CK_ULONG count = 0;
        result = api()->C_FindObjects(session_.handle(), batch, kFindBatch, &count);
        if (result != CKR_OK || count == 0)
            break;
        found.insert(found.end(), batch, batch + count);
    }
    // Ends the search even after a failure, so the session can search again.
    api()->C_FindObjectsFinal(session_.handle());
    TokenErrors::check(result, action);
    return found;
}

bool TokenObjects::read(CK_OBJECT_HANDLE object, CK_ATTRIBUTE& attribute) const
{
    const CK_RV result = api()->C_GetAttributeValue(session_.handle(), object, &attribute, 1);
    if (result == CKR_ATTRIBUTE_TYPE_INVALID || result == CKR_ATTRIBUTE_SENSITIVE)
        return false;
    TokenErrors::check(result, tr("read an object's attributes"));
    return attribute.ulValueLen != CK_UNAVAILABLE_INFORMATION;
}

QByteArray TokenObjects::bytes(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type) const
{
    CK_ATTRIBUTE attribute{type, nullptr, 0};
    if (!read(object, attribute))
        return {};
    QByteArray value(static_cast<qsizetype>(attribute.ulValueLen), '\0');
    attribute.pValue = value.data();
    if (!read(object, attribute))
        return {};
    value.truncate(static_cast<qsizetype>(attribute.ulValueLen));
    return value;
}

bool TokenObjects::flag(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type, bool absent) const
{
    CK_BBOOL value = CK_FALSE;
    CK_ATTRIBUTE attribute{type, &value, sizeof value};
    return read(object, attribute) ? value != CK_FALSE : absent;
}

CK_ULONG TokenObjects::number(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type) const
{
    CK_ULONG value = 0;
    CK_ATTRIBUTE attribute{type, &value, sizeof value};
    if (!read(object, attribute))
        TokenErrors::raise(CKR_ATTRIBUTE_TYPE_INVALID, tr("read an object's attributes"));
    return value;
}

} // namespace sohoa::signing
