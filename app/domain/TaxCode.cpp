// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/TaxCode.h"

#include "domain/CodeSyntax.h"
#include "domain/LogMasking.h"
#include "domain/PersonalId.h"
#include "domain/UserError.h"

#include <array>

namespace sohoa::domain {

namespace {
constexpr std::array<int, 9> kWeights = {31, 29, 23, 19, 17, 13, 7, 5, 3};
constexpr qsizetype kEnterpriseLength = 10;
constexpr qsizetype kBranchLength = 3;
} // namespace

std::optional<int> TaxCode::checkDigitFor(QStringView firstNineDigits)
{
    if (firstNineDigits.size() != 9 || !syntax::allDigits(firstNineDigits))
        return std::nullopt;
    int sum = 0;
    for (qsizetype i = 0; i < 9; ++i)
        sum += kWeights[static_cast<size_t>(i)] * syntax::digitValue(firstNineDigits[i]);
    const int remainder = sum % 11;
    if (remainder == 0)
        return std::nullopt;
    return 10 - remainder;
}

std::optional<TaxCode> TaxCode::tryParse(QStringView text, QString* whyNot)
{
    const QStringView code = text.trimmed();
    auto fail = [&](const QString& why) -> std::optional<TaxCode> {
        if (whyNot)
            *whyNot = why;
        return std::nullopt;
    };
    const qsizetype dash = code.indexOf(QLatin1Char('-'));
    const QStringView number = dash < 0 ? code : code.left(dash);
    const std::optional<QStringView> branchText =
        dash < 0 ? std::nullopt : std::optional<QStringView>(code.mid(dash + 1));

    if (!syntax::allDigits(number))
        return fail(tr("A tax code may contain only digits, and a hyphen before a branch "
                       "number."));
    if (number.size() == PersonalId::kLength && branchText)
        return fail(tr("A personal ID number used as a tax code has no branch number."));
    if (number.size() == PersonalId::kLength) {
        QString idWhy;
        if (!PersonalId::tryParse(number, &idWhy))
            return fail(
                tr("A 12-digit tax code must be a valid personal ID number. %1").arg(idWhy));
        return TaxCode(number.toString(), std::nullopt);
    }
    if (number.size() != kEnterpriseLength)
        return fail(tr("A tax code has 10 digits (or the 12 digits of a personal ID number); this "
                       "one has %1.")
                        .arg(number.size()));
    const std::optional<int> expected = checkDigitFor(number.left(9));
    if (!expected)
        return fail(tr("The first nine digits of the tax code cannot form a valid tax code."));
    if (*expected != syntax::digitValue(number[9]))
        return fail(tr("The check digit (10th digit) of the tax code is wrong."));

    std::optional<int> branch;
    if (branchText) {
        const bool branchOk = branchText->size() == kBranchLength &&
                              syntax::allDigits(*branchText) &&
                              syntax::digitsValue(*branchText) > 0;
        if (!branchOk)
            return fail(tr("The branch number after the tax code's hyphen must be 001 to 999."));
        branch = syntax::digitsValue(*branchText);
    }
    return TaxCode(number.toString(), branch);
}

TaxCode TaxCode::parse(QStringView text)
{
    QString why;
    if (auto code = tryParse(text, &why))
        return *code;
    throw UserError(ErrorKind::InvalidInput, why);
}

bool TaxCode::isValid(QStringView text)
{
    return tryParse(text).has_value();
}

QString TaxCode::toString() const
{
    if (!branch_)
        return number_;
    return QStringLiteral("%1-%2").arg(number_).arg(*branch_, 3, 10, QLatin1Char('0'));
}

QString TaxCode::maskedForLog() const
{
    // The branch would otherwise be the "last three digits" and leave nothing to tell two
    // enterprises apart; keep the number's last three and mask the branch.
    const QString masked = maskForLog(number_);
    return branch_ ? masked + QStringLiteral("-***") : masked;
}

std::strong_ordering TaxCode::operator<=>(const TaxCode& other) const
{
    return toString().compare(other.toString()) <=> 0;
}

} // namespace sohoa::domain
