// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/WorkingDayCalendar.h"

namespace sohoa::domain {

WorkingDayCalendar::WorkingDayCalendar(const QList<QDate>& holidays,
                                       const QList<QDate>& makeUpWorkingDays)
{
    setHolidays(holidays);
    setMakeUpWorkingDays(makeUpWorkingDays);
}

void WorkingDayCalendar::setHolidays(const QList<QDate>& holidays)
{
    holidays_ = QSet<QDate>(holidays.begin(), holidays.end());
}

void WorkingDayCalendar::setMakeUpWorkingDays(const QList<QDate>& days)
{
    makeUpWorkingDays_ = QSet<QDate>(days.begin(), days.end());
}

bool WorkingDayCalendar::isWorkingDay(QDate date) const
{
    if (!date.isValid() || holidays_.contains(date))
        return false;
    if (makeUpWorkingDays_.contains(date))
        return true;
    return date.dayOfWeek() != Qt::Saturday && date.dayOfWeek() != Qt::Sunday;
}

QDate WorkingDayCalendar::addWorkingDays(QDate start, int workingDays) const
{
    if (!start.isValid())
        return {};
    QDate date = start;
    if (workingDays <= 0) {
        while (!isWorkingDay(date))
            date = date.addDays(1);
        return date;
    }
    int counted = 0;
    while (counted < workingDays) {
        date = date.addDays(1);
        if (isWorkingDay(date))
            ++counted;
    }
    return date;
}

QDateTime WorkingDayCalendar::dueDate(const QDateTime& received, int processingDays) const
{
    if (!received.isValid())
        return {};
    QDateTime due = received;
    due.setDate(addWorkingDays(received.date(), processingDays));
    return due;
}

} // namespace sohoa::domain
