// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/UnsentChangesJson.h"

#include "domain/VietnamTime.h"

#include <QJsonObject>

namespace sohoa::cli {

namespace {
QString writtenAt(const usecases::UnsentChange& change)
{
    return domain::inVietnamTime(change.writtenAt).toString(Qt::ISODate);
}
} // namespace

QJsonArray unsentChangesJson(const std::vector<usecases::UnsentChange>& changes)
{
    QJsonArray array;
    for (const usecases::UnsentChange& change : changes)
        array.append(QJsonObject{{"operation", change.operation},
                                 {"subject", change.subject},
                                 {"written_at", writtenAt(change)},
                                 {"parked", change.parked}});
    return array;
}

QString unsentChangeLine(const usecases::UnsentChange& change)
{
    const QString what = change.subject.isEmpty()
                             ? change.operation
                             : change.operation + QLatin1Char(' ') + change.subject;
    return QStringLiteral("%1 (%2)").arg(what, writtenAt(change));
}

} // namespace sohoa::cli
