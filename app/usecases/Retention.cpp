// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/Retention.h"

#include "domain/DossierLifecycle.h"
#include "domain/UserError.h"
#include "usecases/StoreAccess.h"
#include "usecases/WorkstationSettings.h"

#include <QDateTime>

namespace sohoa::usecases {

std::vector<QString> Retention::purge(storage::Store& store, const QString& officerId,
                                      std::optional<int> olderThanDays)
{
    return StoreAccess::guarded([&] {
        const int days = olderThanDays ? *olderThanDays : WorkstationSettings::retentionDays(store);
        if (days < 0)
            throw UserError(ErrorKind::InvalidInput,
                            tr("The retention period cannot be negative."));
        using domain::DossierLifecycle;
        const QStringList delivered{
            DossierLifecycle::toString(domain::DossierState::Synced),
            DossierLifecycle::toString(domain::DossierState::ResultReturned)};
        return store.purgeFiles(delivered, QDateTime::currentDateTimeUtc().addDays(-days),
                                officerId);
    });
}

void Retention::wipe(const QString& path)
{
    StoreAccess::guarded([&] { storage::Store::wipe(path); });
}

} // namespace sohoa::usecases
