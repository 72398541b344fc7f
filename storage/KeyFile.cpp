// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/KeyFile.h"

#include "storage/StoreError.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <algorithm>
#include <cctype>
#include <sodium.h>

namespace sohoa::storage {

namespace {
constexpr auto kFormat = "sohoa-keyfile";
constexpr int kVersion = 2; // 2: keyring slots; the MAC names each slot kind in full
constexpr auto kKdfName = "argon2id13";
constexpr auto kSealName = "x25519-sealedbox";
constexpr auto kRecoveryLabel = "recovery";

const unsigned char* bytes(const QByteArray& array)
{
    return reinterpret_cast<const unsigned char*>(array.constData());
}
unsigned char* bytes(QByteArray& array)
{
    return reinterpret_cast<unsigned char*>(array.data());
}

struct KeyPair
{
    QByteArray publicKey;
    SecureBytes secretKey;
};

KeyPair keyPairFromSeed(const SecureBytes& seed)
{
    KeyPair pair{QByteArray(crypto_box_PUBLICKEYBYTES, Qt::Uninitialized),
                 SecureBytes(crypto_box_SECRETKEYBYTES)};
    crypto_box_seed_keypair(bytes(pair.publicKey), pair.secretKey.data(), seed.data());
    return pair;
}

SecureBytes seedFromPassphrase(const SecureBytes& passphrase, const KeySlot& slot)
{
    SecureBytes seed(crypto_box_SEEDBYTES);
    if (crypto_pwhash(seed.data(), seed.size(), reinterpret_cast<const char*>(passphrase.data()),
                      passphrase.size(), bytes(slot.salt), slot.kdf.opsLimit,
                      slot.kdf.memLimitBytes, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw StoreError(StoreErrorCode::Internal, "Argon2id ran out of memory");
    return seed;
}

QByteArray seal(const SecureBytes& dataKey, const QByteArray& publicKey)
{
    QByteArray sealed(static_cast<qsizetype>(dataKey.size() + crypto_box_SEALBYTES),
                      Qt::Uninitialized);
    crypto_box_seal(bytes(sealed), dataKey.data(), dataKey.size(), bytes(publicKey));
    return sealed;
}

// Opens the slot with the key pair; nullopt-like empty result when it does not fit.
SecureBytes open(const KeySlot& slot, const KeyPair& pair)
{
    if (pair.publicKey != slot.publicKey)
        return {};
    SecureBytes dataKey(KeyFile::kDataKeyBytes);
    if (crypto_box_seal_open(dataKey.data(), bytes(slot.sealedKey),
                             static_cast<unsigned long long>(slot.sealedKey.size()),
                             bytes(slot.publicKey), pair.secretKey.data()) != 0)
        return {};
    return dataKey;
}

const char* kindName(KeySlot::Kind kind)
{
    switch (kind) {
    case KeySlot::Kind::Recovery:
        return "recovery";
    case KeySlot::Kind::Keyring:
        return "keyring";
    case KeySlot::Kind::Passphrase:
        break;
    }
    return "passphrase";
}

std::optional<KeySlot::Kind> kindNamed(const QString& name)
{
    for (const auto kind :
         {KeySlot::Kind::Passphrase, KeySlot::Kind::Recovery, KeySlot::Kind::Keyring})
        if (name == QLatin1String(kindName(kind)))
            return kind;
    return std::nullopt;
}

QString b64(const QByteArray& data)
{
    return QString::fromLatin1(data.toBase64());
}
QByteArray unb64(const QJsonValue& value)
{
    return QByteArray::fromBase64(value.toString().toLatin1());
}
} // namespace

KeyFile KeyFile::load(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        throw StoreError(StoreErrorCode::NotFound, "key file missing");
    if (!file.open(QIODevice::ReadOnly))
        throw StoreError(StoreErrorCode::Io, "key file unreadable");
    QJsonParseError parseError{};
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || root.value("format").toString() != kFormat)
        throw StoreError(StoreErrorCode::KeyFileCorrupt, "not a SoHoa key file");
    if (root.value("version").toInt() != kVersion)
        throw StoreError(StoreErrorCode::KeyFileCorrupt, "unsupported key file version");

    KeyFile keyFile;
    keyFile.mac_ = unb64(root.value("mac"));
    for (const QJsonValue& value : root.value("slots").toArray()) {
        const QJsonObject object = value.toObject();
        KeySlot slot;
        slot.label = object.value("label").toString();
        const auto kind = kindNamed(object.value("kind").toString());
        if (!kind)
            throw StoreError(StoreErrorCode::KeyFileCorrupt, "unknown key slot kind");
        slot.kind = *kind;
        if (object.value("seal").toString() != kSealName ||
            (slot.kind == KeySlot::Kind::Passphrase && object.value("kdf").toString() != kKdfName))
            throw StoreError(StoreErrorCode::KeyFileCorrupt, "unknown key slot algorithm");
        slot.kdf.opsLimit = static_cast<std::uint64_t>(object.value("ops").toInteger());
        slot.kdf.memLimitBytes = static_cast<std::size_t>(object.value("mem").toInteger());
        slot.salt = unb64(object.value("salt"));
        slot.publicKey = unb64(object.value("public_key"));
        slot.sealedKey = unb64(object.value("sealed_key"));
        if (slot.publicKey.size() != crypto_box_PUBLICKEYBYTES ||
            slot.sealedKey.size() != static_cast<qsizetype>(kDataKeyBytes + crypto_box_SEALBYTES) ||
            (slot.kind == KeySlot::Kind::Passphrase &&
             (slot.salt.size() != crypto_pwhash_SALTBYTES || slot.kdf.opsLimit == 0)))
            throw StoreError(StoreErrorCode::KeyFileCorrupt, "malformed key slot");
        keyFile.slots_.push_back(std::move(slot));
    }
    if (keyFile.slots_.empty() || keyFile.mac_.size() != crypto_auth_hmacsha256_BYTES)
        throw StoreError(StoreErrorCode::KeyFileCorrupt, "key file has no slots or no MAC");
    return keyFile;
}

void KeyFile::save(const QString& path) const
{
    QJsonArray slotArray;
    for (const KeySlot& slot : slots_) {
        QJsonObject object{{"label", slot.label},
                           {"kind", kindName(slot.kind)},
                           {"seal", kSealName},
                           {"public_key", b64(slot.publicKey)},
                           {"sealed_key", b64(slot.sealedKey)}};
        if (slot.kind == KeySlot::Kind::Passphrase) {
            object.insert("kdf", kKdfName);
            object.insert("ops", static_cast<qint64>(slot.kdf.opsLimit));
            object.insert("mem", static_cast<qint64>(slot.kdf.memLimitBytes));
            object.insert("salt", b64(slot.salt));
        }
        slotArray.append(object);
    }
    const QJsonObject root{
        {"format", kFormat}, {"version", kVersion}, {"slots", slotArray}, {"mac", b64(mac_)}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw StoreError(StoreErrorCode::ReadOnly, "cannot write key file");
    file.write(QJsonDocument(root).toJson());
    if (!file.commit())
        throw StoreError(StoreErrorCode::Io, "cannot write key file");
}

void KeyFile::addPassphraseSlot(const QString& label, const SecureBytes& passphrase,
                                const KdfParams& kdf, const SecureBytes& dataKey)
{
    KeySlot slot;
    slot.label = label;
    slot.kdf = kdf;
    slot.salt.resize(crypto_pwhash_SALTBYTES);
    randombytes_buf(bytes(slot.salt), static_cast<std::size_t>(slot.salt.size()));
    const KeyPair pair = keyPairFromSeed(seedFromPassphrase(passphrase, slot));
    slot.publicKey = pair.publicKey;
    slot.sealedKey = seal(dataKey, slot.publicKey);
    std::erase_if(slots_, [&](const KeySlot& s) {
        return s.label == label && s.kind == KeySlot::Kind::Passphrase;
    });
    slots_.push_back(std::move(slot));
    mac_ = macOver(dataKey);
}

SecureBytes KeyFile::addRecoverySlot(const SecureBytes& dataKey)
{
    SecureBytes recoveryKey = SecureBytes::random(crypto_box_SEEDBYTES);
    KeySlot slot;
    slot.label = QString::fromLatin1(kRecoveryLabel);
    slot.kind = KeySlot::Kind::Recovery;
    slot.publicKey = keyPairFromSeed(recoveryKey).publicKey;
    slot.sealedKey = seal(dataKey, slot.publicKey);
    std::erase_if(slots_, [&](const KeySlot& s) { return s.kind == KeySlot::Kind::Recovery; });
    slots_.push_back(std::move(slot));
    mac_ = macOver(dataKey);
    return recoveryKey;
}

SecureBytes KeyFile::addKeyringSlot(const QString& label, const SecureBytes& dataKey)
{
    SecureBytes secret = SecureBytes::random(crypto_box_SEEDBYTES);
    KeySlot slot;
    slot.label = label;
    slot.kind = KeySlot::Kind::Keyring;
    slot.publicKey = keyPairFromSeed(secret).publicKey;
    slot.sealedKey = seal(dataKey, slot.publicKey);
    removeKeyringSlot(label, dataKey);
    slots_.push_back(std::move(slot));
    mac_ = macOver(dataKey);
    return secret;
}

bool KeyFile::removeSlot(const QString& label, const SecureBytes& dataKey)
{
    const auto passphraseSlots = std::count_if(slots_.begin(), slots_.end(), [](const KeySlot& s) {
        return s.kind == KeySlot::Kind::Passphrase;
    });
    const auto ownPassphraseSlots = std::count_if(slots_.begin(), slots_.end(), [&](const auto& s) {
        return s.kind == KeySlot::Kind::Passphrase && s.label == label;
    });
    if (ownPassphraseSlots == passphraseSlots)
        return false;
    if (std::erase_if(slots_, [&](const KeySlot& s) { return s.label == label; }) == 0)
        return false;
    mac_ = macOver(dataKey);
    return true;
}

bool KeyFile::removeKeyringSlot(const QString& label, const SecureBytes& dataKey)
{
    if (std::erase_if(slots_, [&](const KeySlot& s) {
            return s.label == label && s.kind == KeySlot::Kind::Keyring;
        }) == 0)
        return false;
    mac_ = macOver(dataKey);
    return true;
}

void KeyFile::resealAll(const SecureBytes& newDataKey)
{
    for (KeySlot& slot : slots_)
        slot.sealedKey = seal(newDataKey, slot.publicKey);
    mac_ = macOver(newDataKey);
}

KeyFile::Unlocked KeyFile::unwrap(const SecureBytes& passphrase) const
{
    for (const KeySlot& slot : slots_) {
        if (slot.kind != KeySlot::Kind::Passphrase)
            continue;
        SecureBytes dataKey = open(slot, keyPairFromSeed(seedFromPassphrase(passphrase, slot)));
        if (!dataKey.empty())
            return verified(std::move(dataKey), slot.label);
    }
    throw StoreError(StoreErrorCode::WrongPassphrase, "no key slot opens with this passphrase");
}

std::optional<KeyFile::Unlocked>
KeyFile::unwrapWithSeed(const SecureBytes& seed, KeySlot::Kind kind, const QString& label) const
{
    if (seed.size() != crypto_box_SEEDBYTES)
        return std::nullopt;
    const KeyPair pair = keyPairFromSeed(seed);
    for (const KeySlot& slot : slots_) {
        if (slot.kind != kind || (!label.isEmpty() && slot.label != label))
            continue;
        SecureBytes dataKey = open(slot, pair);
        if (!dataKey.empty())
            return verified(std::move(dataKey), slot.label);
    }
    return std::nullopt;
}

KeyFile::Unlocked KeyFile::unwrapWithRecoveryKey(const SecureBytes& recoveryKey) const
{
    if (auto unlocked = unwrapWithSeed(recoveryKey, KeySlot::Kind::Recovery, {}))
        return std::move(*unlocked);
    throw StoreError(StoreErrorCode::WrongPassphrase, "the recovery key does not open this store");
}

KeyFile::Unlocked KeyFile::unwrapWithKeyringSecret(const QString& label,
                                                   const SecureBytes& secret) const
{
    if (auto unlocked = unwrapWithSeed(secret, KeySlot::Kind::Keyring, label))
        return std::move(*unlocked);
    throw StoreError(StoreErrorCode::WrongPassphrase,
                     "the keyring secret does not open this store");
}

KeyFile::Unlocked KeyFile::verified(SecureBytes dataKey, const QString& label) const
{
    if (sodium_memcmp(macOver(dataKey).constData(), mac_.constData(),
                      crypto_auth_hmacsha256_BYTES) != 0)
        throw StoreError(StoreErrorCode::KeyFileCorrupt, "key file slots were altered");
    return Unlocked{std::move(dataKey), label};
}

QStringList KeyFile::labels() const
{
    QStringList out;
    for (const KeySlot& slot : slots_)
        if (slot.kind != KeySlot::Kind::Keyring)
            out << slot.label;
    return out;
}

QStringList KeyFile::keyringLabels() const
{
    QStringList out;
    for (const KeySlot& slot : slots_)
        if (slot.kind == KeySlot::Kind::Keyring)
            out << slot.label;
    return out;
}

QByteArray KeyFile::macOver(const SecureBytes& dataKey) const
{
    // The MAC key is derived from the data key, never the data key itself.
    SecureBytes macKey(crypto_auth_hmacsha256_KEYBYTES);
    static constexpr unsigned char kContext[] = "sohoa key file mac v1";
    crypto_generichash(macKey.data(), macKey.size(), kContext, sizeof kContext - 1, dataKey.data(),
                       dataKey.size());
    QByteArray message;
    for (const KeySlot& slot : slots_) {
        const bool derived = slot.kind == KeySlot::Kind::Passphrase;
        // Exactly the fields save() writes for the slot's kind.
        for (const QByteArray& field :
             {slot.label.toUtf8(), QByteArray(kindName(slot.kind)),
              derived ? QByteArray::number(qulonglong{slot.kdf.opsLimit}) : QByteArray(),
              derived ? QByteArray::number(qulonglong{slot.kdf.memLimitBytes}) : QByteArray(),
              derived ? slot.salt : QByteArray(), slot.publicKey, slot.sealedKey})
            message += QByteArray::number(field.size()) + ':' + field;
    }
    QByteArray mac(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
    crypto_auth_hmacsha256(bytes(mac), bytes(message),
                           static_cast<unsigned long long>(message.size()), macKey.data());
    return mac;
}

SecureBytes KeyFile::formatRecoveryKey(const SecureBytes& key)
{
    SecureBytes hex(key.size() * 2 + 1);
    sodium_bin2hex(reinterpret_cast<char*>(hex.data()), hex.size(), key.data(), key.size());
    const std::size_t digits = key.size() * 2;
    SecureBytes text(digits + digits / 4 - 1);
    std::size_t out = 0;
    for (std::size_t i = 0; i < digits; ++i) {
        if (i > 0 && i % 4 == 0)
            text.data()[out++] = '-';
        text.data()[out++] = static_cast<unsigned char>(std::toupper(hex.data()[i]));
    }
    return text;
}

SecureBytes KeyFile::parseRecoveryKey(const SecureBytes& text)
{
    SecureBytes key(crypto_box_SEEDBYTES);
    std::size_t length = 0;
    // Dashes, spaces and line breaks are how people copy it; everything else must be hex.
    if (sodium_hex2bin(key.data(), key.size(), reinterpret_cast<const char*>(text.data()),
                       text.size(), "- \n\r\t", &length, nullptr) != 0 ||
        length != key.size())
        return {};
    return key;
}

} // namespace sohoa::storage
