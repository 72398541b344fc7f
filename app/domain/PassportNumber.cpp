// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/PassportNumber.h"

#include "domain/CodeSyntax.h"
#include "domain/LogMasking.h"
#include "domain/UserError.h"

namespace sohoa::domain {

namespace {

bool hasVietnameseForm(QStringView number)
{
    return number.size() == PassportNumber::kVietnameseLength && syntax::isUpper(number[0]) &&
           syntax::allDigits(number.mid(1));
}

} // namespace

std::optional<PassportNumber> PassportNumber::tryParse(QStringView text, QString* whyNot)
{
    const QString number = text.trimmed().toString().toUpper();
    if (hasVietnameseForm(number))
        return PassportNumber(number);
    if (whyNot)
        *whyNot = tr("A Vietnamese passport number is one letter followed by 7 digits.");
    return std::nullopt;
}

PassportNumber PassportNumber::parse(QStringView text)
{
    QString why;
    if (auto number = tryParse(text, &why))
        return *number;
    throw UserError(ErrorKind::InvalidInput, why);
}

bool PassportNumber::isValid(QStringView text)
{
    return tryParse(text).has_value();
}

std::optional<PassportNumber> PassportNumber::tryParseForeign(QStringView text, QString* whyNot)
{
    const QString number = text.trimmed().toString().toUpper();
    bool ok = number.size() >= kForeignMinLength && number.size() <= kForeignMaxLength;
    for (QChar c : number)
        ok = ok && syntax::isUpperOrDigit(c);
    if (ok)
        return PassportNumber(number);
    if (whyNot)
        *whyNot = tr("A passport number has %1 to %2 letters and digits, without spaces or "
                     "punctuation.")
                      .arg(kForeignMinLength)
                      .arg(kForeignMaxLength);
    return std::nullopt;
}

PassportNumber PassportNumber::parseForeign(QStringView text)
{
    QString why;
    if (auto number = tryParseForeign(text, &why))
        return *number;
    throw UserError(ErrorKind::InvalidInput, why);
}

QString PassportNumber::maskedForLog() const
{
    return maskForLog(number_);
}

bool PassportNumber::isVietnameseForm() const
{
    return hasVietnameseForm(number_);
}

std::strong_ordering PassportNumber::operator<=>(const PassportNumber& other) const
{
    return number_.compare(other.number_) <=> 0;
}

} // namespace sohoa::domain
