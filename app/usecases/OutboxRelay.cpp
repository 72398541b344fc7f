// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/OutboxRelay.h"

#include "domain/VietnamTime.h"
#include "usecases/CodeAssignment.h"
#include "usecases/FileUploader.h"
#include "usecases/OutboxWriter.h"
#include "usecases/StoreAccess.h"
#include "usecases/SyncRetry.h"

#include <QJsonDocument>
#include <set>

namespace sohoa::usecases {

namespace {

constexpr auto kOperationsPath = "/v1/operations";

bool retryable(const sync::HubResponse& response)
{
    // file-not-uploaded: a file the hub lost track of between the upload and the row; the
    // next pass uploads it again.
    return response.retryable() || response.errorCode() == QLatin1String("file-not-uploaded");
}

// Defers `row`: the hub or the network may recover.
void defer(storage::Store& store, const storage::OutboxRecord& row, const QString& reason,
           std::optional<std::chrono::seconds> retryAfter)
{
    const QDateTime next =
        QDateTime::currentDateTimeUtc().addMSecs(retryDelay(row.attempts + 1, retryAfter).count());
    StoreAccess::guarded([&] {
        store.inTransaction([&] { store.deferOutbox(row.id, row.attempts + 1, next, reason); });
    });
}

void park(storage::Store& store, const storage::OutboxRecord& row, const QString& reason,
          const QString& officerId, const QString& code)
{
    StoreAccess::guarded([&] {
        store.inTransaction([&] {
            store.parkOutbox(row.id, reason);
            store.appendEvent({0, row.dossierUuid, QDateTime::currentDateTimeUtc(), officerId,
                               QStringLiteral("sync-refused"),
                               row.operation + QLatin1Char(' ') + code});
        });
    });
}

// The hub's copy of the dossier a 409 stale-version describes (§5.4 step 4).
storage::HubCopy hubCopyOf(const sync::HubResponse& response)
{
    const QJsonObject details = response.json.value("error").toObject().value("details").toObject();
    const QJsonObject current = details.value("current").toObject();
    return {current.value("state").toString(), current.value("national_status").toInt(),
            details.value("current_version").toInt()};
}

// Marks the dossier in conflict with the hub's copy a 409 stale-version reported. A conflict
// the decision feed marked first keeps its message: it names the decision and the remarks,
// which the 409 does not.
void markInConflict(storage::Store& store, const QString& dossierUuid,
                    const sync::HubResponse& response)
{
    const auto dossier = store.dossierByUuid(dossierUuid);
    store.setSyncConflict(dossierUuid,
                          dossier && !dossier->syncConflict.isEmpty() ? dossier->syncConflict
                                                                      : response.failure(),
                          hubCopyOf(response));
}

void parkInConflict(storage::Store& store, const storage::OutboxRecord& row,
                    const sync::HubResponse& response, const QString& officerId)
{
    StoreAccess::guarded([&] {
        store.inTransaction([&] {
            store.parkOutbox(row.id, response.failure());
            markInConflict(store, row.dossierUuid, response);
            store.appendEvent({0, row.dossierUuid, QDateTime::currentDateTimeUtc(), officerId,
                               QStringLiteral("sync-conflict"),
                               row.operation + QLatin1Char(' ') + response.errorCode()});
        });
    });
}

// A field correction commutes with whatever the hub decided meanwhile (§5.6): the stale
// dossier.update takes a new key and the hub's version, in its place in the dossier's order.
// The dossier is in conflict until the hub has applied its last row (settleIfNothingLeft).
storage::OutboxRecord rebased(storage::Store& store, const storage::OutboxRecord& row,
                              const sync::HubResponse& response, const QString& officerId)
{
    const int hubVersion = hubCopyOf(response).version;
    return StoreAccess::guarded([&] {
        storage::OutboxRecord rewritten;
        store.inTransaction([&] {
            rewritten = OutboxWriter::rebased(store, row, hubVersion);
            markInConflict(store, row.dossierUuid, response);
            store.appendEvent({0, row.dossierUuid, QDateTime::currentDateTimeUtc(), officerId,
                               QStringLiteral("sync-conflict-reapplied"),
                               row.operation + QStringLiteral(" on v") +
                                   QString::number(hubVersion) + QStringLiteral(" (automatic)")});
        });
        return rewritten;
    });
}

// After the hub applied a row, a dossier in conflict with nothing left to send takes the hub's
// state and version from the receipt: the conflict is settled.
void settleIfNothingLeft(storage::Store& store, const QString& dossierUuid,
                         const QJsonObject& answer, const QString& officerId)
{
    const auto dossier = store.dossierByUuid(dossierUuid);
    if (!dossier || dossier->syncConflict.isEmpty() || !store.outboxOfDossier(dossierUuid).empty())
        return;
    const QJsonObject receipt = answer.value("receipt").toObject();
    const int version = answer.value("version").toInt();
    store.setDossierHubState(dossierUuid, receipt.value("state").toString(),
                             receipt.value("national_status").toInt(), version);
    store.clearSyncConflict(dossierUuid);
    store.appendEvent(
        {0, dossierUuid, QDateTime::currentDateTimeUtc(), officerId,
         QStringLiteral("sync-conflict-settled"),
         receipt.value("state").toString() + QStringLiteral(" v") + QString::number(version)});
}

// Sends one row; a 200 deletes it in one transaction with its audit event and what the receipt
// brings (the definitive code of a provisional one, a settled conflict).
sync::HubResponse send(storage::Store& store, const sync::HubClient& hub,
                       const storage::OutboxRecord& row, const QString& officerId,
                       SyncPassResult& result)
{
    sync::HubResponse response = hub.postJson(QString::fromLatin1(kOperationsPath),
                                              OutboxRelay::requestBody(row), row.idempotencyKey);
    if (response.status != 200)
        return response;
    StoreAccess::guarded([&] {
        store.inTransaction([&] {
            store.deleteOutbox(row.id);
            if (auto code = applyAssignedCode(store, row.dossierUuid,
                                              response.json.value("receipt").toObject(), officerId))
                result.codesAssigned.push_back(std::move(*code));
            store.appendEvent({0, row.dossierUuid, QDateTime::currentDateTimeUtc(), officerId,
                               QStringLiteral("synced"),
                               row.operation + QStringLiteral(" v") +
                                   QString::number(response.json.value("version").toInt())});
            settleIfNothingLeft(store, row.dossierUuid, response.json, officerId);
        });
    });
    ++result.sent;
    result.replayed += response.replay ? 1 : 0;
    return response;
}

bool stale(const sync::HubResponse& response)
{
    return response.status == 409 && response.errorCode() == QLatin1String("stale-version");
}

} // namespace

std::chrono::milliseconds OutboxRelay::untilNextAttempt(storage::Store& store,
                                                        std::chrono::milliseconds longest)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 wait = longest.count();
    // Only each dossier's first row counts: the rows behind it wait for it, whenever it is due.
    std::set<QString> dossiersSeen;
    for (const storage::OutboxRecord& row :
         StoreAccess::guarded([&] { return store.outboxPending(); }))
        if (dossiersSeen.insert(row.dossierUuid).second)
            wait = std::min(wait, row.nextAttemptAt.isValid()
                                      ? std::max<qint64>(0, now.msecsTo(row.nextAttemptAt))
                                      : 0);
    return std::chrono::milliseconds(wait);
}

QByteArray OutboxRelay::requestBody(const storage::OutboxRecord& row)
{
    const QJsonObject body{
        {"dossier_uuid", row.dossierUuid},
        {"base_version", row.baseVersion},
        {"operation", row.operation},
        {"recorded_at", domain::inVietnamTime(row.createdAt).toString(Qt::ISODate)},
        {"payload", QJsonDocument::fromJson(row.payload.toUtf8()).object()}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

SyncPassResult OutboxRelay::runOnce(storage::Store& store, const sync::HubClient& hub,
                                    const QString& officerId, const RelayControl& control)
{
    SyncPassResult result;
    std::set<QString> waitingDossiers; // a dossier whose earlier row did not go through
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto rows = StoreAccess::guarded([&] { return store.outboxPending(); });
    int handled = 0;
    for (const storage::OutboxRecord& row : rows) {
        if (control.progress)
            control.progress(handled++, static_cast<int>(rows.size()));
        if (control.stop.stop_requested() && result.stoppedBecause.isEmpty())
            result.stoppedBecause = QStringLiteral("stopped");
        if (!result.stoppedBecause.isEmpty() || waitingDossiers.contains(row.dossierUuid) ||
            (row.nextAttemptAt.isValid() && row.nextAttemptAt > now)) {
            waitingDossiers.insert(row.dossierUuid);
            ++result.pending;
            continue;
        }
        if (row.operation == QLatin1String("component.attach")) {
            const FilesOutcome files =
                FileUploader::ensureHeld(store, hub, row.dossierUuid,
                                         QJsonDocument::fromJson(row.payload.toUtf8()).object());
            result.filesUploaded += files.uploaded;
            result.bytesUploaded += files.bytes;
            if (!files.held) {
                waitingDossiers.insert(row.dossierUuid);
                result.errors << files.error;
                if (!files.stopsRunBecause.isEmpty()) {
                    result.stoppedBecause = files.stopsRunBecause;
                    ++result.pending;
                } else if (files.retryLater) {
                    defer(store, row, files.error, std::nullopt);
                    ++result.deferred;
                    ++result.pending;
                    result.stoppedBecause = QStringLiteral("offline");
                } else {
                    park(store, row, files.error, officerId, QStringLiteral("file"));
                    ++result.parked;
                }
                continue;
            }
        }
        storage::OutboxRecord sending = row;
        sync::HubResponse response = send(store, hub, sending, officerId, result);
        if (stale(response) && sending.operation == QLatin1String("dossier.update")) {
            sending = rebased(store, sending, response, officerId);
            response = send(store, hub, sending, officerId, result);
        }
        if (response.status == 200)
            continue;
        waitingDossiers.insert(row.dossierUuid);
        ++result.pending;
        const QString reason = response.failure();
        if (!response.stopsRunBecause().isEmpty()) {
            result.stoppedBecause = response.stopsRunBecause();
            result.errors << reason;
        } else if (retryable(response)) {
            defer(store, sending, reason, response.retryAfter);
            ++result.deferred;
            result.stoppedBecause =
                response.status == 0 ? QStringLiteral("offline") : QStringLiteral("hub-busy");
            result.errors << reason;
        } else {
            if (stale(response))
                parkInConflict(store, sending, response, officerId);
            else
                park(store, sending, reason, officerId, response.errorCode());
            --result.pending;
            (stale(response) ? result.conflicts : result.parked) += 1;
            result.errors << reason;
        }
    }
    return result;
}

} // namespace sohoa::usecases
