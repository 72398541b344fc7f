// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/LogMasking.h"

#include "domain/CodeSyntax.h"

namespace sohoa::domain {

QString maskForLog(QStringView identifier, int keptDigits)
{
    QString masked = identifier.toString();
    int digitsLeftToKeep = keptDigits;
    for (qsizetype i = masked.size() - 1; i >= 0; --i) {
        const QChar c = masked.at(i);
        if (syntax::isDigit(c) && digitsLeftToKeep > 0) {
            --digitsLeftToKeep;
            continue;
        }
        if (c.isLetterOrNumber())
            masked[i] = QLatin1Char('*');
    }
    return masked;
}

} // namespace sohoa::domain
