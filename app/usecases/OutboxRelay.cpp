// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/OutboxRelay.h"

#include "domain/VietnamTime.h"
#include "usecases/CodeAssignment.h"
#include "usecases/FileUploader.h"
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
          const QString& officerId, const QString& code, bool conflict)
{
    StoreAccess::guarded([&] {
        store.inTransaction([&] {
            store.parkOutbox(row.id, reason);
            if (conflict)
                store.setSyncConflict(row.dossierUuid, reason);
            store.appendEvent(
                {0, row.dossierUuid, QDateTime::currentDateTimeUtc(), officerId,
                 conflict ? QStringLiteral("sync-conflict") : QStringLiteral("sync-refused"),
                 row.operation + QLatin1Char(' ') + code});
        });
    });
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
                    park(store, row, files.error, officerId, QStringLiteral("file"), false);
                    ++result.parked;
                }
                continue;
            }
        }
        const sync::HubResponse response = hub.postJson(QString::fromLatin1(kOperationsPath),
                                                        requestBody(row), row.idempotencyKey);
        if (response.status == 200) {
            StoreAccess::guarded([&] {
                store.inTransaction([&] {
                    store.deleteOutbox(row.id);
                    if (auto code =
                            applyAssignedCode(store, row.dossierUuid,
                                              response.json.value("receipt").toObject(), officerId))
                        result.codesAssigned.push_back(std::move(*code));
                    store.appendEvent(
                        {0, row.dossierUuid, QDateTime::currentDateTimeUtc(), officerId,
                         QStringLiteral("synced"),
                         row.operation + QStringLiteral(" v") +
                             QString::number(response.json.value("version").toInt())});
                });
            });
            ++result.sent;
            result.replayed += response.replay ? 1 : 0;
            continue;
        }
        waitingDossiers.insert(row.dossierUuid);
        ++result.pending;
        const QString reason = response.failure();
        if (!response.stopsRunBecause().isEmpty()) {
            result.stoppedBecause = response.stopsRunBecause();
            result.errors << reason;
        } else if (retryable(response)) {
            defer(store, row, reason, response.retryAfter);
            ++result.deferred;
            result.stoppedBecause =
                response.status == 0 ? QStringLiteral("offline") : QStringLiteral("hub-busy");
            result.errors << reason;
        } else {
            const bool conflict = response.errorCode() == QLatin1String("stale-version");
            park(store, row, reason, officerId, response.errorCode(), conflict);
            --result.pending;
            (conflict ? result.conflicts : result.parked) += 1;
            result.errors << reason;
        }
    }
    return result;
}

} // namespace sohoa::usecases
