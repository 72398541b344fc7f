// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/CardValues.h"

#include "domain/SearchFolding.h"

#include <QRegularExpression>

namespace sohoa::identity {

std::optional<domain::Sex> parseCardSex(QStringView text)
{
    const QString folded = domain::foldForSearch(text.trimmed());
    if (folded == QLatin1String("nam") || folded == QLatin1String("male"))
        return domain::Sex::Male;
    if (folded == QLatin1String("nu") || folded == QLatin1String("female"))
        return domain::Sex::Female;
    return std::nullopt;
}

QDate parseCardDate(QStringView text)
{
    static const QRegularExpression compact(QStringLiteral("^(\\d{2})(\\d{2})(\\d{4})$"));
    static const QRegularExpression separated(
        QStringLiteral("^(\\d{1,2})\\s*[/.\\-]\\s*(\\d{1,2})\\s*[/.\\-]\\s*(\\d{4})$"));
    const QString trimmed = text.trimmed().toString();
    QRegularExpressionMatch match = compact.match(trimmed);
    if (!match.hasMatch())
        match = separated.match(trimmed);
    if (!match.hasMatch())
        return {};
    return QDate(match.captured(3).toInt(), match.captured(2).toInt(), match.captured(1).toInt());
}

QString isoDate(QDate date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString tidyText(QStringView text)
{
    return text.toString().simplified().normalized(QString::NormalizationForm_C);
}

} // namespace sohoa::identity
