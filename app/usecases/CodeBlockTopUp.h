// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "sync/HubClient.h"

#include <QCoreApplication>
#include <QDate>

namespace sohoa::usecases {

// How far ahead the workstation keeps dossier numbers (docs/SYNC-PROTOCOL.md §7.2
// `code_blocks`; the province may push other values).
struct CodeBlockPolicy
{
    int daysAhead = 7;
    int lowWatermark = 10;
    int sizePerDay = 50;
};

struct CodeBlockTopUpResult
{
    int blocks = 0;  // blocks reserved and stored
    int numbers = 0; // numbers in them
    QString error;   // why a reservation failed, for the officer (empty: none did)
    bool unauthorized = false;
};

// Reserves dossier-code blocks ahead (docs/SYNC-PROTOCOL.md §8.1): for the store's agency and
// each of the next `daysAhead` days from `today`, when fewer than `lowWatermark` reserved
// numbers are left unused, asks the hub for `sizePerDay` more (one request per run of such
// days, each with its own Idempotency-Key) and stores what it grants in one transaction with
// an audit event. A failed request leaves the store as it was; digitize then issues
// provisional codes until a later sync reserves blocks.
class CodeBlockTopUp
{
    Q_DECLARE_TR_FUNCTIONS(CodeBlockTopUp)

public:
    static CodeBlockTopUpResult run(storage::Store& store, const sync::HubClient& hub,
                                    const CodeBlockPolicy& policy, QDate today,
                                    const QString& officerId);
};

} // namespace sohoa::usecases
