// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

#include <QCoreApplication>
#include <optional>

namespace sohoa::usecases {

// Personal data is kept only as long as needed (Law 91/2025): once the province holds a
// dossier's files (synced, or its result returned), the local copies are purged after the
// retention period; metadata and file hashes stay.
class Retention
{
    Q_DECLARE_TR_FUNCTIONS(Retention)

public:
    // Days from the workstation's retention-days setting unless given.
    static std::vector<QString> purge(storage::Store& store, const QString& officerId,
                                      std::optional<int> olderThanDays = std::nullopt);
    // Irrecoverably destroys the store (decommissioning). The store must be closed.
    static void wipe(const QString& path);
};

} // namespace sohoa::usecases
