// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/OldIdNumber.h"

#include "domain/CodeSyntax.h"
#include "domain/LogMasking.h"
#include "domain/UserError.h"

namespace sohoa::domain {

std::optional<OldIdNumber> OldIdNumber::tryParse(QStringView text, QString* whyNot)
{
    const QStringView digits = text.trimmed();
    if (syntax::allDigits(digits) && digits.size() == kLength)
        return OldIdNumber(digits.toString());
    if (whyNot)
        *whyNot = syntax::allDigits(digits)
                      ? tr("An old ID card number has %1 digits; this one has %2.")
                            .arg(kLength)
                            .arg(digits.size())
                      : tr("An old ID card number may contain only digits.");
    return std::nullopt;
}

OldIdNumber OldIdNumber::parse(QStringView text)
{
    QString why;
    if (auto id = tryParse(text, &why))
        return *id;
    throw UserError(ErrorKind::InvalidInput, why);
}

bool OldIdNumber::isValid(QStringView text)
{
    return tryParse(text).has_value();
}

QString OldIdNumber::maskedForLog() const
{
    return maskForLog(digits_);
}

std::strong_ordering OldIdNumber::operator<=>(const OldIdNumber& other) const
{
    return digits_.compare(other.digits_) <=> 0;
}

} // namespace sohoa::domain
