// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/HubClock.h"

#include "usecases/StoreAccess.h"

#include <QDateTime>
#include <cstdlib>

namespace sohoa::usecases {

std::optional<qint64> hubClockSkewSeconds(const sync::HubClient& hub)
{
    const QDateTime sent = QDateTime::currentDateTimeUtc();
    const sync::HubResponse status = hub.get(QStringLiteral("/v1/status"));
    const QDateTime received = QDateTime::currentDateTimeUtc();
    const QDateTime hubTime =
        QDateTime::fromString(status.json.value("server_time").toString(), Qt::ISODate);
    if (status.status == 0 || !hubTime.isValid())
        return std::nullopt;
    const QDateTime ours = sent.addMSecs(sent.msecsTo(received) / 2);
    return ours.secsTo(hubTime);
}

bool auditClockSkew(storage::Store& store, std::optional<qint64> skew, const QString& officerId)
{
    if (!skew || std::abs(*skew) <= kClockWarningSeconds)
        return false;
    StoreAccess::guarded([&] {
        store.inTransaction([&] {
            store.appendEvent({0, QString(), QDateTime::currentDateTimeUtc(), officerId,
                               QStringLiteral("clock-warning"), QString::number(*skew)});
        });
    });
    return true;
}

} // namespace sohoa::usecases
