// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/AuditTrail.h"

#include <QDateTime>

namespace sohoa::usecases {

void recordEvent(storage::Store& store, const QString& dossierUuid, const QString& officerId,
                 const QString& action, const QString& detail)
{
    store.inTransaction([&] {
        store.appendEvent(
            {0, dossierUuid, QDateTime::currentDateTimeUtc(), officerId, action, detail});
    });
}

void recordSettingChange(storage::Store& store, const QString& officerId, const QString& key,
                         const QString& value, const QString& detail)
{
    store.inTransaction([&] {
        store.setSetting(key, value);
        store.appendEvent({0, QString(), QDateTime::currentDateTimeUtc(), officerId,
                           QStringLiteral("setting-changed"), detail});
    });
}

} // namespace sohoa::usecases
