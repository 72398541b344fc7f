// SPDX-License-Identifier: GPL-3.0-or-later
// The Store's sync outbox: changes waiting to reach the provincial hub.
#include "storage/DateTimeColumns.h"
#include "storage/Sqlite.h"
#include "storage/Store.h"

#include <functional>

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

void Store::setSyncConflict(const QString& dossierUuid, const QString& conflict, const HubCopy& hub)
{
    // A report older than the one kept (a replayed 409) does not take the hub's copy back.
    Statement update(*db_, "UPDATE dossiers SET sync_conflict = ?1, "
                           "hub_state = CASE WHEN hub_version <= ?3 THEN ?2 ELSE hub_state END, "
                           "hub_national_status = CASE WHEN hub_version <= ?3 THEN ?4 "
                           "ELSE hub_national_status END, hub_version = max(hub_version, ?3) "
                           "WHERE uuid = ?5");
    update.bind(1, conflict)
        .bind(2, hub.state)
        .bind(3, hub.version)
        .bind(4, hub.nationalStatus)
        .bind(5, dossierUuid)
        .run();
}

void Store::clearSyncConflict(const QString& dossierUuid)
{
    Statement update(*db_, "UPDATE dossiers SET sync_conflict = '', hub_state = '', "
                           "hub_national_status = 0, hub_version = 0 WHERE uuid = ?");
    update.bind(1, dossierUuid).run();
}

void Store::rebaseOutbox(std::int64_t id, const QString& idempotencyKey, int baseVersion)
{
    Statement update(*db_, "UPDATE outbox SET idempotency_key = ?, base_version = ?, attempts = 0, "
                           "next_attempt_at = NULL, last_error = '', parked_at = '' WHERE id = ?");
    update.bind(1, idempotencyKey).bind(2, baseVersion).bind(3, id).run();
}

int Store::dossierVersion(const QString& dossierUuid)
{
    Statement select(*db_, "SELECT version FROM dossiers WHERE uuid = ?");
    select.bind(1, dossierUuid);
    return select.step() ? select.integer(0) : 0;
}

void Store::setDossierVersion(const QString& dossierUuid, int version)
{
    Statement update(*db_, "UPDATE dossiers SET version = ? WHERE uuid = ?");
    update.bind(1, version).bind(2, dossierUuid).run();
}

std::optional<DossierSyncState> Store::dossierSyncState(const QString& dossierUuid)
{
    Statement select(*db_, "SELECT state, version, (SELECT count(*) FROM outbox o "
                           "WHERE o.dossier_uuid = d.uuid) FROM dossiers d WHERE uuid = ?");
    select.bind(1, dossierUuid);
    if (!select.step())
        return std::nullopt;
    return DossierSyncState{select.text(0), select.integer(1), select.integer(2)};
}

void Store::setDossierHubState(const QString& dossierUuid, const QString& state, int nationalStatus,
                               int version)
{
    // updated_at: retention counts from the last change (a dossier marked synced).
    Statement update(*db_, "UPDATE dossiers SET state = ?, national_status = ?, version = ?, "
                           "updated_at = ? WHERE uuid = ?");
    update.bind(1, state)
        .bind(2, nationalStatus)
        .bind(3, version)
        .bind(4, dateTimeText(QDateTime::currentDateTimeUtc()))
        .bind(5, dossierUuid)
        .run();
}

namespace {
std::optional<BlobInfo> blobWhere(Database& db, const char* condition,
                                  const std::function<void(Statement&)>& bind)
{
    Statement select(db, (std::string("SELECT id, size, sha256, mime FROM blobs WHERE complete = 1 "
                                      "AND ") +
                          condition + " ORDER BY id LIMIT 1")
                             .c_str());
    bind(select);
    if (!select.step())
        return std::nullopt;
    return BlobInfo{select.int64(0), select.int64(1), select.blob(2), select.text(3)};
}
} // namespace

std::optional<BlobInfo> Store::blobInfo(std::int64_t blobId)
{
    return blobWhere(*db_, "id = ?", [&](Statement& s) { s.bind(1, blobId); });
}

std::optional<BlobInfo> Store::blobWithSha256(const QByteArray& sha256)
{
    return blobWhere(*db_, "sha256 = ?", [&](Statement& s) { s.bindBlob(1, sha256); });
}

std::optional<ComponentOwner> Store::componentOwner(std::int64_t componentId)
{
    Statement select(*db_, "SELECT c.id, c.dossier_id, c.code, c.name, c.is_result, "
                           "c.digitized, c.reused, d.uuid, d.test_data FROM components c "
                           "JOIN dossiers d ON d.id = c.dossier_id WHERE c.id = ?");
    select.bind(1, componentId);
    if (!select.step())
        return std::nullopt;
    return ComponentOwner{ComponentRecord{select.int64(0), select.int64(1), select.text(2),
                                          select.text(3), select.integer(4) != 0,
                                          select.integer(5) != 0, select.integer(6) != 0},
                          select.text(7), select.integer(8) != 0};
}

namespace {
constexpr auto kOutboxColumns =
    "SELECT id, idempotency_key, dossier_uuid, base_version, operation, payload, created_at, "
    "attempts, coalesce(next_attempt_at, ''), last_error, parked_at FROM outbox ";

std::vector<OutboxRecord> outboxRows(Statement& select)
{
    std::vector<OutboxRecord> rows;
    while (select.step())
        rows.push_back(OutboxRecord{
            select.int64(0), select.text(1), select.text(2), select.integer(3), select.text(4),
            select.text(5), dateTimeFrom(select.text(6)), select.integer(7),
            dateTimeFrom(select.text(8)), select.text(9), dateTimeFrom(select.text(10))});
    return rows;
}
} // namespace

std::vector<OutboxRecord> Store::outboxPending()
{
    // A parked row holds back its dossier's later rows (§5.5): they wait for the officer too.
    Statement select(*db_, (std::string(kOutboxColumns) +
                            "WHERE parked_at = '' AND dossier_uuid NOT IN (SELECT dossier_uuid "
                            "FROM outbox WHERE parked_at <> '') ORDER BY id")
                               .c_str());
    return outboxRows(select);
}

std::vector<OutboxRecord> Store::outboxOfDossier(const QString& dossierUuid)
{
    Statement select(*db_,
                     (std::string(kOutboxColumns) + "WHERE dossier_uuid = ? ORDER BY id").c_str());
    select.bind(1, dossierUuid);
    return outboxRows(select);
}

int Store::outboxParkedCount()
{
    Statement select(*db_, "SELECT count(*) FROM outbox WHERE parked_at <> ''");
    select.step();
    return select.integer(0);
}

} // namespace sohoa::storage
