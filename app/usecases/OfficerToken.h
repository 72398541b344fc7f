// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/TokenInfo.h"
#include "storage/SecureBytes.h"

#include <QCoreApplication>
#include <QStringList>
#include <memory>
#include <optional>

namespace sohoa::signing {
class Pkcs11Module;
class TokenKeySigner;
} // namespace sohoa::signing

namespace sohoa::usecases {

// Which token the officer signs with: the modules to use (none: those registered with p11-kit),
// and optionally the token's label and the certificate's CKA_ID (hex on the command line).
struct TokenChoice
{
    QStringList modulePaths;
    QString tokenLabel;
    QByteArray certificateId;
};

// A token found plugged in, with the module that drives it.
struct LocatedToken
{
    std::shared_ptr<const signing::Pkcs11Module> module;
    signing::TokenInfo token;
};

// Finds the officer's USB token among the PKCS#11 modules and opens it for a signing batch.
class OfficerToken
{
    Q_DECLARE_TR_FUNCTIONS(OfficerToken)

public:
    // The one token matching `choice`; nothing when no module shows one and no module was named
    // (the embedded default then offers the demo identity). Throws UserError when a named
    // module fails, when the named token is absent, or when several tokens match.
    static std::optional<LocatedToken> locate(const TokenChoice& choice);
    // Logs in with `pin` (asked once for the whole batch) and picks the certificate.
    static std::unique_ptr<signing::TokenKeySigner>
    open(const LocatedToken& located, const TokenChoice& choice, storage::SecureBytes pin);
};

} // namespace sohoa::usecases
