// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

#include <QCoreApplication>
#include <QStringList>

namespace sohoa::usecases {

// The pins of the provincial hub's key (docs/SYNC-PROTOCOL.md §13), kept in the encrypted
// store (setting `sync.hub-pins`): at most two, the current key and the next, so the province
// can roll its key over without a day when counters cannot sync.
class HubPins
{
    Q_DECLARE_TR_FUNCTIONS(HubPins)

public:
    static constexpr int kMostPins = 2;

    // Empty when the workstation pins nothing (the certificate chain alone is trusted).
    static QStringList saved(storage::Store& store);
    // Replaces the kept pins (audited). Throws UserError(InvalidInput) for more than two or for
    // one that is not "sha256/" and 44 base64 characters.
    static void keep(storage::Store& store, const QStringList& pins, const QString& officerId);
};

} // namespace sohoa::usecases
