// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Sex.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringView>
#include <optional>

namespace sohoa::identity {

// The text of the QR code on the chip ID card (CCCD): seven '|'-separated fields
//   id_number|old_id|full_name|dob ddMMyyyy|sex|address|issue ddMMyyyy
// with old_id possibly empty. The ID must be a valid personal ID whose century/sex digit and
// birth year agree with the date of birth and sex. Holds personal data: never log it; error
// messages never repeat it.
struct IdCardQrPayload
{
    Q_DECLARE_TR_FUNCTIONS(IdCardQrPayload)

public:
    static constexpr int kFieldCount = 7;

    QString idNumber;
    QString oldIdNumber; // empty when the card records none
    QString fullName;    // title case, NFC
    QDate dateOfBirth;
    domain::Sex sex = domain::Sex::Unknown;
    QString address; // place of residence, NFC
    QDate issueDate;

    static std::optional<IdCardQrPayload> tryParse(QStringView text, QString* whyNot = nullptr);
};

} // namespace sohoa::identity
