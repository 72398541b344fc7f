// SPDX-License-Identifier: GPL-3.0-or-later
// The Store's sync outbox: changes waiting to reach the provincial hub.
#include "storage/DateTimeColumns.h"
#include "storage/Sqlite.h"
#include "storage/Store.h"

namespace sohoa::storage {

void Store::appendOutbox(const OutboxRecord& row)
{
    Statement insert(*db_, "INSERT INTO outbox(idempotency_key, dossier_uuid, base_version, "
                           "operation, payload, created_at) VALUES (?,?,?,?,?,?)");
    insert.bind(1, row.idempotencyKey)
        .bind(2, row.dossierUuid)
        .bind(3, row.baseVersion)
        .bind(4, row.operation)
        .bind(5, row.payload)
        .bind(6, dateTimeText(row.createdAt.isValid() ? row.createdAt
                                                      : QDateTime::currentDateTimeUtc()))
        .run();
}

void Store::deleteOutbox(std::int64_t id)
{
    Statement remove(*db_, "DELETE FROM outbox WHERE id = ?");
    remove.bind(1, id).run();
}

void Store::deferOutbox(std::int64_t id, int attempts, const QDateTime& nextAttemptAt,
                        const QString& error)
{
    Statement update(*db_, "UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? "
                           "WHERE id = ?");
    update.bind(1, attempts).bind(2, dateTimeText(nextAttemptAt)).bind(3, error).bind(4, id).run();
}

void Store::parkOutbox(std::int64_t id, const QString& error)
{
    Statement update(*db_, "UPDATE outbox SET parked_at = ?, last_error = ? WHERE id = ?");
    update.bind(1, dateTimeText(QDateTime::currentDateTimeUtc())).bind(2, error).bind(3, id).run();
}

void Store::setSyncConflict(const QString& dossierUuid, const QString& conflict)
{
    Statement update(*db_, "UPDATE dossiers SET sync_conflict = ? WHERE uuid = ?");
    update.bind(1, conflict).bind(2, dossierUuid).run();
}

std::vector<OutboxRecord> Store::outboxPending()
{
    Statement select(*db_, "SELECT id, idempotency_key, dossier_uuid, base_version, operation, "
                           "payload, created_at, attempts, coalesce(next_attempt_at, ''), "
                           "last_error, parked_at FROM outbox WHERE parked_at = '' ORDER BY id");
    std::vector<OutboxRecord> rows;
    while (select.step())
        rows.push_back(OutboxRecord{
            select.int64(0), select.text(1), select.text(2), select.integer(3), select.text(4),
            select.text(5), dateTimeFrom(select.text(6)), select.integer(7),
            dateTimeFrom(select.text(8)), select.text(9), dateTimeFrom(select.text(10))});
    return rows;
}

int Store::outboxParkedCount()
{
    Statement select(*db_, "SELECT count(*) FROM outbox WHERE parked_at <> ''");
    select.step();
    return select.integer(0);
}

} // namespace sohoa::storage
