// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/TimestampClient.h"
#include "storage/Store.h"

#include <QCoreApplication>
#include <QStringList>

namespace sohoa::usecases {

struct TimestampQueueResult
{
    QStringList stamped; // files whose signature is now PAdES B-T
    // Files with an earlier awaiting signature that a later, time-stamped signature covers
    QStringList covered;
    int stillAwaiting = 0; // signatures left in the queue
    QString offlineReason; // why the TSA did not answer, when some are left
};

// The "awaiting time-stamp" queue: signatures made while the time-stamp server was unreachable
// stay PAdES B-B until it answers again. Draining asks the TSA over each signature value and
// writes the token into the signature's own /Contents placeholder, which was sized for it: the
// byte range and the digest do not change, so the signature stays valid and becomes B-T. This
// is only possible while the signature is the file's last change; an earlier one is marked
// "covered" once the file's last signature is time-stamped, since that signature's byte range
// holds it. Each document is rewritten, recorded and audited in one transaction.
class AwaitingTimestamps
{
    Q_DECLARE_TR_FUNCTIONS(AwaitingTimestamps)

public:
    static int count(storage::Store& store);

    // Stops at the first signature the TSA does not answer for (the network is down again);
    // the rest stay queued for the next drain. Throws UserError for a TSA that answers with
    // something other than a valid token.
    static TimestampQueueResult drain(storage::Store& store, const signing::TimestampClient& tsa,
                                      const QString& officerId);
};

} // namespace sohoa::usecases
