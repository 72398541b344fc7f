// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "sync/HubClient.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace sohoa::usecases {

// What the hub said about the workstation it enrolled (never the token).
struct EnrolledWorkstation
{
    QString workstationId;
    QString workstationName; // the province's name for this workstation
    QJsonArray agencies;     // [{code, name}]
    qint64 catalogueRevision = 0;
    QString serverTime;
};

// The workstation's first step with the provincial hub (docs/SYNC-PROTOCOL.md §4.2): the
// one-time code the province gave is exchanged for the workstation's bearer token, which the
// store keeps with the hub's address and what the hub said, so that sync needs nothing more.
class Enrolment
{
    Q_DECLARE_TR_FUNCTIONS(Enrolment)

public:
    // The code in its printed form (7KQ2-M9XD-4HTA-0ZRB) from what the officer typed: case,
    // spaces, dashes and the look-alikes I/L (1) and O (0) are forgiven. UserError(InvalidInput)
    // when it is no code (the message does not repeat it).
    static QString canonicalCode(const QString& typed);

    // Enrols through `hub` (a client without a token). The Idempotency-Key is saved before the
    // request, so that running the same command again after a lost answer gets a new token for
    // the same code. Token, workstation, hub address, agencies and settings are saved in one
    // transaction with the `workstation-enrolled` event. Throws UserError: Network when the hub
    // cannot be reached or fails (nothing is lost: run it again), AccessDenied when it refuses
    // the code or throttles this address, InvalidInput for another refusal.
    static EnrolledWorkstation enrol(storage::Store& store, const sync::HubClient& hub,
                                     const QString& code, const QString& workstationName,
                                     const QString& officerId);

    // The hub this store enrolled with; empty when it has not.
    static QString savedServer(storage::Store& store);
    // The CA certificates (PEM) the enrolment was told to trust for that hub; often empty.
    static QByteArray savedCaCertificates(storage::Store& store);
};

} // namespace sohoa::usecases
