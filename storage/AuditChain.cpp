// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/AuditChain.h"

#include "storage/Sqlite.h"

#include <sodium.h>

namespace sohoa::storage {

namespace {
QByteArray eventHash(const QByteArray& previous, const EventRecord& event)
{
    // Fields are length-prefixed so no two different events serialize alike.
    QByteArray message = previous;
    for (const QString& field : {event.dossierUuid, event.at.toUTC().toString(Qt::ISODateWithMs),
                                 event.officerId, event.action, event.detail}) {
        const QByteArray utf8 = field.toUtf8();
        message += QByteArray::number(utf8.size()) + ':' + utf8;
    }
    QByteArray digest(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(digest.data()),
                       reinterpret_cast<const unsigned char*>(message.constData()),
                       static_cast<unsigned long long>(message.size()));
    return digest;
}

QByteArray genesis()
{
    return QByteArray(crypto_hash_sha256_BYTES, '\0');
}
} // namespace

void appendEvent(Database& db, const EventRecord& event)
{
    Statement last(db, "SELECT hash FROM events ORDER BY id DESC LIMIT 1");
    const QByteArray previous = last.step() ? last.blob(0) : genesis();
    Statement insert(db, "INSERT INTO events(dossier_uuid, at, officer_id, action, detail, "
                         "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, event.dossierUuid)
        .bind(2, event.at.toUTC().toString(Qt::ISODateWithMs))
        .bind(3, event.officerId)
        .bind(4, event.action)
        .bind(5, event.detail)
        .bindBlob(6, previous)
        .bindBlob(7, eventHash(previous, event))
        .run();
}

std::optional<std::int64_t> firstBrokenEvent(Database& db)
{
    Statement select(db, "SELECT id, dossier_uuid, at, officer_id, action, detail, prev_hash, "
                         "hash FROM events ORDER BY id");
    QByteArray previous = genesis();
    while (select.step()) {
        EventRecord event;
        event.id = select.int64(0);
        event.dossierUuid = select.text(1);
        event.at = QDateTime::fromString(select.text(2), Qt::ISODateWithMs);
        event.officerId = select.text(3);
        event.action = select.text(4);
        event.detail = select.text(5);
        if (select.blob(6) != previous || select.blob(7) != eventHash(previous, event))
            return event.id;
        previous = select.blob(7);
    }
    return std::nullopt;
}

} // namespace sohoa::storage
