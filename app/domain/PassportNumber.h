// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>
#include <compare>
#include <optional>
#include <utility>

namespace sohoa::domain {

// A passport number (số hộ chiếu). parse() accepts the Vietnamese form, one letter and seven
// digits (`C1234567`). Foreign applicants carry other countries' passports, whose numbers
// follow no common rule: parseForeign() accepts 5 to 20 letters and digits (ICAO 9303 uses the
// characters A-Z 0-9). Input is trimmed and upper-cased. Do not log toString(): log
// maskedForLog().
class PassportNumber
{
    Q_DECLARE_TR_FUNCTIONS(PassportNumber)

public:
    static constexpr int kVietnameseLength = 8;
    static constexpr int kForeignMinLength = 5;
    static constexpr int kForeignMaxLength = 20;

    static PassportNumber parse(QStringView text); // throws UserError(InvalidInput)
    static std::optional<PassportNumber> tryParse(QStringView text, QString* whyNot = nullptr);
    static bool isValid(QStringView text);

    static PassportNumber parseForeign(QStringView text); // throws UserError(InvalidInput)
    static std::optional<PassportNumber> tryParseForeign(QStringView text,
                                                         QString* whyNot = nullptr);

    QString toString() const { return number_; }
    QString maskedForLog() const;
    // Whether the number has the Vietnamese form (letter + 7 digits).
    bool isVietnameseForm() const;

    bool operator==(const PassportNumber& other) const = default;
    std::strong_ordering operator<=>(const PassportNumber& other) const;

private:
    explicit PassportNumber(QString number) : number_(std::move(number)) {}
    QString number_;
};

} // namespace sohoa::domain
