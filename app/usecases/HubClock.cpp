// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/HubClock.h"

#include <QDateTime>

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

} // namespace sohoa::usecases
