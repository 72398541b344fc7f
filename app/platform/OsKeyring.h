// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/SecureBytes.h"

#include <QString>
#include <optional>

namespace sohoa::platform {

// The session's OS keyring (Secret Service on Linux, Credential Manager on Windows) through
// QtKeychain, as blocking calls. Its plain-file fallback stays off: a secret either goes to the
// keyring or nowhere.
class OsKeyring
{
public:
    struct Failure
    {
        QString reason; // the keyring's own words, for the officer's message
    };

    // Each returns a Failure when the keyring is unavailable or refuses.
    static std::optional<Failure> write(const QString& entry, const storage::SecureBytes& secret);
    // nullopt when the keyring has no such entry or cannot be reached: either way there is
    // nothing to unlock with, and the passphrase remains.
    static std::optional<storage::SecureBytes> read(const QString& entry);
    static std::optional<Failure> remove(const QString& entry);
};

} // namespace sohoa::platform
