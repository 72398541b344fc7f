// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/HubDossierCode.h"

#include <QRegularExpression>

namespace sohoa::hub {

std::optional<HubDossierCode> HubDossierCode::parse(const QString& text)
{
    // Agency codes contain no hyphen; the letter P marks a provisional code, always 4 digits.
    static const QRegularExpression form(
        QStringLiteral("^([^-]+)-(\\d{6})-(?:(\\d{4,6})|P(\\d{4}))$"));
    const QRegularExpressionMatch match = form.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QDate day =
        QDate::fromString(QStringLiteral("20") + match.captured(2), QStringLiteral("yyyyMMdd"));
    if (!day.isValid())
        return std::nullopt;
    const bool provisional = match.hasCaptured(4);
    return HubDossierCode{match.captured(1), day,
                          (provisional ? match.captured(4) : match.captured(3)).toInt(),
                          provisional};
}

QString HubDossierCode::definitive(const QString& agency, QDate day, int sequence, int width)
{
    return QStringLiteral("%1-%2-%3")
        .arg(agency, day.toString(QStringLiteral("yyMMdd")))
        .arg(sequence, width, 10, QLatin1Char('0'));
}

} // namespace sohoa::hub
