// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/WorkingCalendar.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sohoa::usecases {

namespace {

QList<QDate> daysIn(storage::Store& store, const char* key)
{
    QList<QDate> days;
    const auto stored = store.setting(QString::fromLatin1(key));
    for (const QJsonValue& day :
         QJsonDocument::fromJson(stored.value_or(QString()).toUtf8()).array())
        if (const QDate date = QDate::fromString(day.toString(), Qt::ISODate); date.isValid())
            days.append(date);
    return days;
}

} // namespace

domain::WorkingDayCalendar storedWorkingCalendar(storage::Store& store)
{
    return domain::WorkingDayCalendar(daysIn(store, kHolidaysSetting),
                                      daysIn(store, kMakeUpWorkingDaysSetting));
}

} // namespace sohoa::usecases
