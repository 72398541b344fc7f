// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>
#include <compare>
#include <optional>
#include <utility>

namespace sohoa::domain {

// A tax code (mã số thuế), which identifies an enterprise applicant:
//  - 10 digits whose last is a check digit: 10 - (sum of w_i * d_i mod 11) over the first nine
//    digits with weights 31 29 23 19 17 13 7 5 3; a sum that is 0 mod 11 gives no valid code;
//  - optionally a branch suffix `-001` to `-999` (dependent units);
//  - or, since 1 July 2025, a valid 12-digit personal ID, the tax code of individuals and
//    household businesses (no branch).
// Do not log toString(): log maskedForLog().
class TaxCode
{
    Q_DECLARE_TR_FUNCTIONS(TaxCode)

public:
    static TaxCode parse(QStringView text); // throws UserError(InvalidInput)
    static std::optional<TaxCode> tryParse(QStringView text, QString* whyNot = nullptr);
    static bool isValid(QStringView text);
    // The check digit for the first nine digits, or nullopt when their weighted sum is 0 mod 11.
    static std::optional<int> checkDigitFor(QStringView firstNineDigits);

    QString toString() const;
    QString maskedForLog() const;

    // The 10 or 12 digits without the branch suffix.
    QString number() const { return number_; }
    std::optional<int> branch() const { return branch_; }
    bool isPersonalId() const { return number_.size() == 12; }

    bool operator==(const TaxCode& other) const = default;
    std::strong_ordering operator<=>(const TaxCode& other) const;

private:
    TaxCode(QString number, std::optional<int> branch) : number_(std::move(number)), branch_(branch)
    {
    }
    QString number_;
    std::optional<int> branch_;
};

} // namespace sohoa::domain
