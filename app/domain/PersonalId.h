// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Sex.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringView>
#include <compare>
#include <optional>
#include <utility>

namespace sohoa::domain {

// The 12-digit personal identification number (số định danh cá nhân, printed on the chip ID
// card, CCCD): `PPP G YY RRRRRR` with no check digit.
//  - PPP: the province where the birth was registered, from a fixed national list;
//  - G:   century and sex, 0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s, ...;
//  - YY:  the last two digits of the birth year;
//  - RRRRRR: a random number.
// An ID whose birth year lies in the future is refused. Error messages name the wrong part
// and never repeat the number. Do not log toString(): log maskedForLog().
class PersonalId
{
    Q_DECLARE_TR_FUNCTIONS(PersonalId)

public:
    static constexpr int kLength = 12;

    static PersonalId parse(QStringView text); // throws UserError(InvalidInput)
    static std::optional<PersonalId> tryParse(QStringView text, QString* whyNot = nullptr);
    static bool isValid(QStringView text);
    // Whether `code` (3 digits) is one of the national province codes of birth registration.
    static bool isKnownProvinceCode(QStringView code);

    QString toString() const { return digits_; }
    QString maskedForLog() const;

    QString provinceCode() const { return digits_.left(3); }
    Sex sex() const;
    int birthYear() const;

    // Whether the ID's birth year and sex agree with a date of birth and sex from another
    // paper. An invalid date or Sex::Unknown is not checked.
    bool agreesWith(QDate dateOfBirth, Sex sex) const;
    // The same check, throwing UserError(InvalidInput) that says which part disagrees.
    void checkAgainst(QDate dateOfBirth, Sex sex) const;

    bool operator==(const PersonalId& other) const = default;
    std::strong_ordering operator<=>(const PersonalId& other) const;

private:
    explicit PersonalId(QString digits) : digits_(std::move(digits)) {}
    QString digits_;
};

} // namespace sohoa::domain
