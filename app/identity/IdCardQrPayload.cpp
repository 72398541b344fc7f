// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/IdCardQrPayload.h"

#include "domain/OldIdNumber.h"
#include "domain/PersonalId.h"
#include "identity/CardValues.h"
#include "identity/NameCasing.h"

#include <QStringList>

namespace sohoa::identity {

std::optional<IdCardQrPayload> IdCardQrPayload::tryParse(QStringView text, QString* whyNot)
{
    auto fail = [&](const QString& why) -> std::optional<IdCardQrPayload> {
        if (whyNot)
            *whyNot = why;
        return std::nullopt;
    };
    const QString composed = text.toString().normalized(QString::NormalizationForm_C).trimmed();
    const QStringList parts = composed.split(QLatin1Char('|'));
    if (parts.size() != kFieldCount)
        return fail(tr("The QR code holds %1 fields separated by \"|\"; a chip ID card's holds %2.")
                        .arg(parts.size())
                        .arg(kFieldCount));

    IdCardQrPayload payload;
    QString why;
    const auto id = domain::PersonalId::tryParse(parts[0], &why);
    if (!id)
        return fail(why);
    payload.idNumber = id->toString();

    const QString oldId = parts[1].trimmed();
    if (!oldId.isEmpty()) {
        const auto old = domain::OldIdNumber::tryParse(oldId, &why);
        if (!old)
            return fail(why);
        payload.oldIdNumber = old->toString();
    }

    payload.fullName = toNameCase(parts[2]);
    if (payload.fullName.isEmpty())
        return fail(tr("The QR code holds no name."));

    payload.dateOfBirth = parseCardDate(parts[3]);
    if (!payload.dateOfBirth.isValid())
        return fail(tr("The date of birth in the QR code is not a real date (ddMMyyyy)."));

    const auto sex = parseCardSex(parts[4]);
    if (!sex)
        return fail(tr("The sex in the QR code is neither \"Nam\" nor \"Nữ\"."));
    payload.sex = *sex;

    payload.address = tidyText(parts[5]);

    payload.issueDate = parseCardDate(parts[6]);
    if (!payload.issueDate.isValid())
        return fail(tr("The issue date in the QR code is not a real date (ddMMyyyy)."));
    if (payload.issueDate < payload.dateOfBirth)
        return fail(tr("The issue date in the QR code lies before the date of birth."));

    if (!id->agreesWith(payload.dateOfBirth, payload.sex))
        return fail(tr("The personal ID number in the QR code does not agree with its date of "
                       "birth or sex (digits 4 to 6)."));
    return payload;
}

} // namespace sohoa::identity
