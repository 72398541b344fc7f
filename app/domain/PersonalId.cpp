// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/PersonalId.h"

#include "domain/CodeSyntax.h"
#include "domain/LogMasking.h"
#include "domain/UserError.h"

#include <algorithm>
#include <array>

namespace sohoa::domain {

namespace {

// Province codes of birth registration, as listed in shared/domain/REGULATIONS.md §3. Sorted,
// so that the lookup can bisect. The 2025 province mergers do not change IDs already issued.
constexpr std::array<int, 63> kProvinceCodes = {
    1,  2,  4,  6,  8,  10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33,
    34, 35, 36, 37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66,
    67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96};

static_assert(std::is_sorted(kProvinceCodes.begin(), kProvinceCodes.end()));

constexpr int kFirstCentury = 1900; // G = 0 or 1

int centuryDigit(QStringView digits)
{
    return syntax::digitValue(digits[3]);
}

int birthYearOf(QStringView digits)
{
    return kFirstCentury + (centuryDigit(digits) / 2) * 100 + syntax::digitsValue(digits.mid(4, 2));
}

} // namespace

bool PersonalId::isKnownProvinceCode(QStringView code)
{
    if (code.size() != 3 || !syntax::allDigits(code))
        return false;
    return std::binary_search(kProvinceCodes.begin(), kProvinceCodes.end(),
                              syntax::digitsValue(code));
}

std::optional<PersonalId> PersonalId::tryParse(QStringView text, QString* whyNot)
{
    const QStringView digits = text.trimmed();
    auto fail = [&](const QString& why) -> std::optional<PersonalId> {
        if (whyNot)
            *whyNot = why;
        return std::nullopt;
    };
    if (!syntax::allDigits(digits))
        return fail(tr("A personal ID number may contain only digits."));
    if (digits.size() != kLength)
        return fail(tr("A personal ID number has %1 digits; this one has %2.")
                        .arg(kLength)
                        .arg(digits.size()));
    if (!isKnownProvinceCode(digits.left(3)))
        return fail(tr("The first three digits of the personal ID number are not a known "
                       "province code."));
    if (birthYearOf(digits) > QDate::currentDate().year())
        return fail(tr("The 4th to 6th digits of the personal ID number (century, sex and birth "
                       "year) give a birth year in the future."));
    return PersonalId(digits.toString());
}

PersonalId PersonalId::parse(QStringView text)
{
    QString why;
    if (auto id = tryParse(text, &why))
        return *id;
    throw UserError(ErrorKind::InvalidInput, why);
}

bool PersonalId::isValid(QStringView text)
{
    return tryParse(text).has_value();
}

QString PersonalId::maskedForLog() const
{
    return maskForLog(digits_);
}

Sex PersonalId::sex() const
{
    return centuryDigit(digits_) % 2 == 0 ? Sex::Male : Sex::Female;
}

int PersonalId::birthYear() const
{
    return birthYearOf(digits_);
}

bool PersonalId::agreesWith(QDate dateOfBirth, Sex sexOnPaper) const
{
    const bool yearAgrees = !dateOfBirth.isValid() || dateOfBirth.year() == birthYear();
    const bool sexAgrees = sexOnPaper == Sex::Unknown || sexOnPaper == sex();
    return yearAgrees && sexAgrees;
}

void PersonalId::checkAgainst(QDate dateOfBirth, Sex sexOnPaper) const
{
    if (dateOfBirth.isValid() && dateOfBirth.year() != birthYear())
        throw UserError(ErrorKind::InvalidInput,
                        tr("The birth year in the personal ID number (digits 4 to 6) does not "
                           "match the date of birth %1.")
                            .arg(dateOfBirth.toString(QStringLiteral("dd/MM/yyyy"))));
    if (sexOnPaper != Sex::Unknown && sexOnPaper != sex())
        throw UserError(ErrorKind::InvalidInput,
                        sexOnPaper == Sex::Male
                            ? tr("The 4th digit of the personal ID number is that of a woman, "
                                 "but the applicant's sex is given as male.")
                            : tr("The 4th digit of the personal ID number is that of a man, but "
                                 "the applicant's sex is given as female."));
}

std::strong_ordering PersonalId::operator<=>(const PersonalId& other) const
{
    return digits_.compare(other.digits_) <=> 0;
}

} // namespace sohoa::domain
