// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/SearchFolding.h"

#include <QRegularExpression>

namespace sohoa::domain {

QString foldForSearch(QStringView text)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_D);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c == QChar(0x0111) || c == QChar(0x0110)) // đ, Đ
            folded += QLatin1Char('d');
        else
            folded += c.toLower();
    }
    return folded;
}

QStringList searchTerms(QStringView query)
{
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"));
    return foldForSearch(query).split(separators, Qt::SkipEmptyParts);
}

} // namespace sohoa::domain
