// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/KeyFile.h"

#include "storage/StoreError.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <sodium.h>

namespace sohoa::storage {

namespace {
constexpr auto kFormat = "sohoa-keyfile";
constexpr int kVersion = 1;
constexpr auto kKdfName = "argon2id13";
constexpr auto kAeadName = "xchacha20poly1305-ietf";

// The slot's label and KDF parameters are authenticated with the wrapped key, so nobody can
// weaken the parameters or swap labels without the unwrap failing.
QByteArray associatedData(const KeySlot& slot)
{
    return QStringLiteral("sohoa-keyslot-v1|%1|%2|%3")
        .arg(slot.label)
        .arg(slot.kdf.opsLimit)
        .arg(slot.kdf.memLimitBytes)
        .toUtf8();
}

SecureBytes deriveWrappingKey(const SecureBytes& passphrase, const KeySlot& slot)
{
    SecureBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (crypto_pwhash(key.data(), key.size(), reinterpret_cast<const char*>(passphrase.data()),
                      passphrase.size(),
                      reinterpret_cast<const unsigned char*>(slot.salt.constData()),
                      slot.kdf.opsLimit, slot.kdf.memLimitBytes, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw StoreError(StoreErrorCode::Internal, "Argon2id ran out of memory");
    return key;
}

QString b64(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64());
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
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject root = doc.object();
    if (parseError.error != QJsonParseError::NoError || root.value("format").toString() != kFormat)
        throw StoreError(StoreErrorCode::KeyFileCorrupt, "not a SoHoa key file");
    if (root.value("version").toInt() != kVersion)
        throw StoreError(StoreErrorCode::KeyFileCorrupt, "unsupported key file version");

    KeyFile keyFile;
    for (const QJsonValue& value : root.value("slots").toArray()) {
        const QJsonObject object = value.toObject();
        if (object.value("kdf").toString() != kKdfName ||
            object.value("aead").toString() != kAeadName)
            throw StoreError(StoreErrorCode::KeyFileCorrupt, "unknown key slot algorithm");
        KeySlot slot;
        slot.label = object.value("label").toString();
        slot.kdf.opsLimit = static_cast<std::uint64_t>(object.value("ops").toInteger());
        slot.kdf.memLimitBytes = static_cast<std::size_t>(object.value("mem").toInteger());
        slot.salt = unb64(object.value("salt"));
        slot.nonce = unb64(object.value("nonce"));
        slot.wrappedKey = unb64(object.value("wrapped"));
        if (slot.salt.size() != crypto_pwhash_SALTBYTES ||
            slot.nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES ||
            slot.wrappedKey.size() !=
                static_cast<qsizetype>(kDataKeyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES))
            throw StoreError(StoreErrorCode::KeyFileCorrupt, "malformed key slot");
        keyFile.slots_.push_back(std::move(slot));
    }
    if (keyFile.slots_.empty())
        throw StoreError(StoreErrorCode::KeyFileCorrupt, "key file has no slots");
    return keyFile;
}

void KeyFile::save(const QString& path) const
{
    QJsonArray slotArray;
    for (const KeySlot& slot : slots_) {
        slotArray.append(QJsonObject{{"label", slot.label},
                                     {"kdf", kKdfName},
                                     {"aead", kAeadName},
                                     {"ops", static_cast<qint64>(slot.kdf.opsLimit)},
                                     {"mem", static_cast<qint64>(slot.kdf.memLimitBytes)},
                                     {"salt", b64(slot.salt)},
                                     {"nonce", b64(slot.nonce)},
                                     {"wrapped", b64(slot.wrappedKey)}});
    }
    const QJsonObject root{{"format", kFormat}, {"version", kVersion}, {"slots", slotArray}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw StoreError(StoreErrorCode::ReadOnly, "cannot write key file");
    file.write(QJsonDocument(root).toJson());
    if (!file.commit())
        throw StoreError(StoreErrorCode::Io, "cannot write key file");
}

void KeyFile::addSlot(const QString& label, const SecureBytes& passphrase,
                      const SecureBytes& dataKey, const KdfParams& kdf)
{
    KeySlot slot;
    slot.label = label;
    slot.kdf = kdf;
    slot.salt.resize(crypto_pwhash_SALTBYTES);
    randombytes_buf(slot.salt.data(), static_cast<std::size_t>(slot.salt.size()));
    slot.nonce.resize(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    randombytes_buf(slot.nonce.data(), static_cast<std::size_t>(slot.nonce.size()));

    const SecureBytes wrappingKey = deriveWrappingKey(passphrase, slot);
    const QByteArray ad = associatedData(slot);
    slot.wrappedKey.resize(
        static_cast<qsizetype>(dataKey.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES));
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char*>(slot.wrappedKey.data()), &written, dataKey.data(),
        dataKey.size(), reinterpret_cast<const unsigned char*>(ad.constData()),
        static_cast<unsigned long long>(ad.size()), nullptr,
        reinterpret_cast<const unsigned char*>(slot.nonce.constData()), wrappingKey.data());
    removeSlot(label);
    slots_.push_back(std::move(slot));
}

bool KeyFile::removeSlot(const QString& label)
{
    return std::erase_if(slots_, [&](const KeySlot& slot) { return slot.label == label; }) > 0;
}

SecureBytes KeyFile::unwrap(const SecureBytes& passphrase) const
{
    for (const KeySlot& slot : slots_) {
        const SecureBytes wrappingKey = deriveWrappingKey(passphrase, slot);
        const QByteArray ad = associatedData(slot);
        SecureBytes dataKey(kDataKeyBytes);
        unsigned long long written = 0;
        if (crypto_aead_xchacha20poly1305_ietf_decrypt(
                dataKey.data(), &written, nullptr,
                reinterpret_cast<const unsigned char*>(slot.wrappedKey.constData()),
                static_cast<unsigned long long>(slot.wrappedKey.size()),
                reinterpret_cast<const unsigned char*>(ad.constData()),
                static_cast<unsigned long long>(ad.size()),
                reinterpret_cast<const unsigned char*>(slot.nonce.constData()),
                wrappingKey.data()) == 0)
            return dataKey;
    }
    throw StoreError(StoreErrorCode::WrongPassphrase, "no key slot opens with this passphrase");
}

} // namespace sohoa::storage
