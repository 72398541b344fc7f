// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>
#include <compare>
#include <optional>
#include <utility>

namespace sohoa::domain {

// The old 9-digit identity card number (số chứng minh nhân dân, CMND). Still printed on the
// chip ID card's QR code and found on older papers. Only the length and digits are checked.
// Do not log toString(): log maskedForLog().
class OldIdNumber
{
    Q_DECLARE_TR_FUNCTIONS(OldIdNumber)

public:
    static constexpr int kLength = 9;

    static OldIdNumber parse(QStringView text); // throws UserError(InvalidInput)
    static std::optional<OldIdNumber> tryParse(QStringView text, QString* whyNot = nullptr);
    static bool isValid(QStringView text);

    QString toString() const { return digits_; }
    QString maskedForLog() const;

    bool operator==(const OldIdNumber& other) const = default;
    std::strong_ordering operator<=>(const OldIdNumber& other) const;

private:
    explicit OldIdNumber(QString digits) : digits_(std::move(digits)) {}
    QString digits_;
};

} // namespace sohoa::domain
