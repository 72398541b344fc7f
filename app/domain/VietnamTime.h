// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

namespace sohoa::domain {

// Vietnam keeps UTC+07:00 all year (no daylight saving): the time on stamps, in national
// records and in what the workstation sends the hub.
inline QDateTime inVietnamTime(const QDateTime& time)
{
    return time.toOffsetFromUtc(7 * 3600);
}

} // namespace sohoa::domain
