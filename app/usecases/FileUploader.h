// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "sync/HubClient.h"

#include <QCoreApplication>

namespace sohoa::usecases {

// How getting a row's files onto the hub went.
struct FilesOutcome
{
    bool held = false;       // every file is on the hub now
    bool retryLater = false; // not held, but the next pass may succeed (network, hub busy)
    QString stopsRunBecause; // HubResponse::stopsRunBecause() of the request that failed
    QString error;           // why not, for the officer
    int uploaded = 0;        // files sent in this call
    qint64 bytes = 0;        // bytes sent in this call
};

// The files half of sync (docs/SYNC-PROTOCOL.md §9): before a component.attach row is sent,
// asks the hub which of its files it lacks and uploads those from the encrypted store with tus
// 1.0, in chunks (1 MiB, smaller under a bandwidth cap) each with its SHA-256. An upload's address
// is kept in the store, so after a cut connection or a restart the next pass asks the hub for the
// offset (HEAD) and sends only the rest: at most the one chunk in flight is sent twice.
class FileUploader
{
    Q_DECLARE_TR_FUNCTIONS(FileUploader)

public:
    // `payload` is a component.attach row's payload, for the dossier `dossierUuid`.
    static FilesOutcome ensureHeld(storage::Store& store, const sync::HubClient& hub,
                                   const QString& dossierUuid, const QJsonObject& payload);
};

} // namespace sohoa::usecases
