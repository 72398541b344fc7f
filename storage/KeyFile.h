// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/KdfParams.h"
#include "storage/SecureBytes.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace sohoa::storage {

// One way to unlock the store. Each slot holds an X25519 public key and the data key sealed
// to it (libsodium sealed box). For an officer's slot the private key is derived from the
// passphrase with Argon2id (parameters kept in the slot); for the agency's recovery slot it
// comes from the recovery key printed once at setup; for an officer's quick-unlock slot it
// comes from a random secret kept in the OS keyring of the officer's session. Because only public
// keys are needed to seal, a supervisor can rekey the store and re-seal every remaining slot
// without knowing the other officers' passphrases.
struct KeySlot
{
    enum class Kind
    {
        Passphrase,
        Recovery,
        Keyring // labelled with the officer it belongs to, beside their passphrase slot
    };
    QString label;
    Kind kind = Kind::Passphrase;
    KdfParams kdf; // Passphrase slots only
    QByteArray salt;
    QByteArray publicKey;
    QByteArray sealedKey;
};

// The key file lives beside the database ("<store>.keys"): it cannot live inside what it
// unlocks. It holds no secret in the clear; backups must include it. A MAC keyed from the data
// key covers every slot, so nobody without the data key can add, swap or weaken a slot.
class KeyFile
{
public:
    static constexpr std::size_t kDataKeyBytes = 32;

    struct Unlocked
    {
        SecureBytes dataKey;
        QString label; // the slot that opened
    };

    static QString pathFor(const QString& storePath) { return storePath + QStringLiteral(".keys"); }
    static QString pendingPathFor(const QString& storePath)
    {
        return pathFor(storePath) + QStringLiteral(".pending");
    }

    static KeyFile load(const QString& path);
    // Writes atomically (temporary file in the same directory, fsync, rename).
    void save(const QString& path) const;

    // Adds (or replaces) an officer's slot.
    void addPassphraseSlot(const QString& label, const SecureBytes& passphrase,
                           const KdfParams& kdf, const SecureBytes& dataKey);
    // Adds the agency's recovery slot and returns the recovery key, to be printed once.
    SecureBytes addRecoverySlot(const SecureBytes& dataKey);
    // Adds (or replaces) `label`'s quick-unlock slot and returns the secret that opens it, for
    // the OS keyring.
    SecureBytes addKeyringSlot(const QString& label, const SecureBytes& dataKey);
    // Removes every slot of `label`; refuses to remove the last passphrase slot.
    bool removeSlot(const QString& label, const SecureBytes& dataKey);
    // Removes only `label`'s quick-unlock slot; false when there is none.
    bool removeKeyringSlot(const QString& label, const SecureBytes& dataKey);
    // Seals a new data key to every slot (rekey).
    void resealAll(const SecureBytes& newDataKey);

    // Throw StoreError(WrongPassphrase) when no slot opens, (KeyFileCorrupt) on a bad MAC.
    Unlocked unwrap(const SecureBytes& passphrase) const;
    Unlocked unwrapWithRecoveryKey(const SecureBytes& recoveryKey) const;
    Unlocked unwrapWithKeyringSecret(const QString& label, const SecureBytes& secret) const;

    // The officers' and the recovery slot's labels, each once.
    QStringList labels() const;
    // The officers who have a quick-unlock slot.
    QStringList keyringLabels() const;

    // The recovery key as people read it: 64 hex digits in groups of four, and back.
    static SecureBytes formatRecoveryKey(const SecureBytes& key);
    static SecureBytes parseRecoveryKey(const SecureBytes& text);

private:
    QByteArray macOver(const SecureBytes& dataKey) const;
    void reseal(const SecureBytes& dataKey);
    Unlocked verified(SecureBytes dataKey, const QString& label) const;
    // Opens the first slot of `kind` (and `label`, when given) that the seed's key pair fits.
    std::optional<Unlocked> unwrapWithSeed(const SecureBytes& seed, KeySlot::Kind kind,
                                           const QString& label) const;

    std::vector<KeySlot> slots_;
    QByteArray mac_;
};

} // namespace sohoa::storage
