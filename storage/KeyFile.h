// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/KdfParams.h"
#include "storage/SecureBytes.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace sohoa::storage {

// One way to unlock the store: the data key wrapped (XChaCha20-Poly1305) by a key derived from
// a passphrase with Argon2id. Several officers -> several slots around the same data key.
struct KeySlot
{
    QString label;
    KdfParams kdf;
    QByteArray salt;
    QByteArray nonce;
    QByteArray wrappedKey;
};

// The key file lives beside the database ("<store>.keys"): it cannot live inside what it
// unlocks. It holds no secret in the clear; backups must include it.
class KeyFile
{
public:
    static constexpr std::size_t kDataKeyBytes = 32;

    static QString pathFor(const QString& storePath) { return storePath + QStringLiteral(".keys"); }

    static KeyFile load(const QString& path);
    // Writes atomically (temporary file in the same directory, fsync, rename).
    void save(const QString& path) const;

    void addSlot(const QString& label, const SecureBytes& passphrase, const SecureBytes& dataKey,
                 const KdfParams& kdf);
    bool removeSlot(const QString& label);
    // Tries every slot; throws StoreError(WrongPassphrase) when none opens.
    SecureBytes unwrap(const SecureBytes& passphrase) const;

private:
    std::vector<KeySlot> slots_;
};

} // namespace sohoa::storage
