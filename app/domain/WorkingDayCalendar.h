// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSet>

namespace sohoa::domain {

// Working days for due dates (ngày làm việc; the appointment date, ngày hẹn trả). Saturdays
// and Sundays are off, and so are the configured public holidays; a weekend day that the
// government declares a make-up working day (ngày làm bù) can be configured as working.
// Holidays change every year, so they come from configuration, never from code.
class WorkingDayCalendar
{
public:
    WorkingDayCalendar() = default;
    explicit WorkingDayCalendar(const QList<QDate>& holidays,
                                const QList<QDate>& makeUpWorkingDays = {});

    void setHolidays(const QList<QDate>& holidays);
    void setMakeUpWorkingDays(const QList<QDate>& days);

    bool isWorkingDay(QDate date) const;

    // The date `workingDays` working days after `start` (start itself does not count). With 0,
    // `start` when it is a working day, else the next working day. Negative counts as 0.
    QDate addWorkingDays(QDate start, int workingDays) const;

    // The due date and time of a dossier received at `received` whose procedure takes
    // `processingDays` working days: that many working days later, at the same time of day.
    QDateTime dueDate(const QDateTime& received, int processingDays) const;

private:
    QSet<QDate> holidays_;
    QSet<QDate> makeUpWorkingDays_;
};

} // namespace sohoa::domain
