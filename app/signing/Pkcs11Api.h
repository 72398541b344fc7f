// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the token layer (app/signing/Token*, Pkcs11*): the only header that brings in
// PKCS#11's types, so that code outside the layer never depends on p11-kit's headers.
#include <QByteArray>
#include <QString>
#include <cstddef>
#include <p11-kit/pkcs11.h>
#include <type_traits>

namespace sohoa::signing {

// The public headers spell PKCS#11 handles as unsigned long; keep that true.
static_assert(std::is_same_v<CK_SLOT_ID, unsigned long>);
static_assert(std::is_same_v<CK_SESSION_HANDLE, unsigned long>);
static_assert(std::is_same_v<CK_OBJECT_HANDLE, unsigned long>);

// The entry points of a loaded PKCS#11 module: `module.api()->C_Login(...)`.
class Pkcs11Api
{
public:
    explicit Pkcs11Api(CK_FUNCTION_LIST* functions) : functions_(functions) {}

    const CK_FUNCTION_LIST* operator->() const { return functions_; }

    // PKCS#11 text fields (labels, makers, serials) are fixed-size, blank-padded UTF-8; some
    // modules pad with NULs instead.
    template <std::size_t Size> static QString paddedText(const CK_UTF8CHAR (&field)[Size])
    {
        const auto* text = reinterpret_cast<const char*>(field);
        return QString::fromUtf8(text, static_cast<qsizetype>(qstrnlen(text, Size))).trimmed();
    }

private:
    CK_FUNCTION_LIST* functions_;
};

} // namespace sohoa::signing
