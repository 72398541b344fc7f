// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "sync/HubClient.h"

#include <QCoreApplication>

namespace sohoa::usecases {

// Which earlier document goes where.
struct DocumentReuseRequest
{
    QString dossierCode;   // the dossier being received
    QString componentCode; // its component the document stands for, e.g. TP1
    QString sha256;        // the document, as a look-up returned it (hex)
    QString officerId;
};

struct DocumentReuseOutcome
{
    QString fileName;         // the document's name in the dossier
    qint64 size = 0;          // bytes
    bool alreadyHeld = false; // the component held this document already: nothing changed
    QString signatureVerdict; // "valid", "indeterminate", "modified", "invalid"; empty: unsigned
    QString signatureMessage;
};

// Reuse instead of a new scan (docs/SYNC-PROTOCOL.md §9.1, §11.2): downloads a document an
// earlier look-up found, checks its SHA-256, verifies its signatures against the store's
// anchors, keeps it encrypted under the component flagged "reused" (DuocTaiSuDung) and queues
// the component for the hub, in one transaction. The bytes never touch the disk in clear.
class DocumentReuse
{
    Q_DECLARE_TR_FUNCTIONS(DocumentReuse)

public:
    // Throws UserError: NotFound for an unknown dossier, component or a file the hub does not
    // give this workstation, InvalidInput when the dossier is past reception or the download
    // does not match its hash, Network when the hub cannot be reached.
    static DocumentReuseOutcome run(storage::Store& store, const sync::HubClient& hub,
                                    const DocumentReuseRequest& request);
};

} // namespace sohoa::usecases
