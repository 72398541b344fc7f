// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace sohoa::storage {

// Times are stored as ISO 8601 text with milliseconds; an invalid time is stored as ''.
inline QString dateTimeText(const QDateTime& value)
{
    return value.isValid() ? value.toString(Qt::ISODateWithMs) : QString();
}

inline QDateTime dateTimeFrom(const QString& text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

} // namespace sohoa::storage
