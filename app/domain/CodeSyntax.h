// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Character-level checks shared by the code and ID value types. Internal to sohoa_domain:
// codes are plain ASCII, so these deliberately ignore Unicode digits and letters.

#include <QChar>
#include <QStringView>

namespace sohoa::domain::syntax {

inline bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

inline bool isUpper(QChar c)
{
    return c >= QLatin1Char('A') && c <= QLatin1Char('Z');
}

inline bool isLower(QChar c)
{
    return c >= QLatin1Char('a') && c <= QLatin1Char('z');
}

inline bool isUpperOrDigit(QChar c)
{
    return isUpper(c) || isDigit(c);
}

inline bool allDigits(QStringView text)
{
    for (QChar c : text) {
        if (!isDigit(c))
            return false;
    }
    return !text.isEmpty();
}

inline int digitValue(QChar c)
{
    return c.unicode() - u'0';
}

// The value of a run of ASCII digits; the caller has checked allDigits() and the length.
inline int digitsValue(QStringView digits)
{
    int value = 0;
    for (QChar c : digits)
        value = value * 10 + digitValue(c);
    return value;
}

} // namespace sohoa::domain::syntax
