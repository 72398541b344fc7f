// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>
#include <compare>
#include <optional>
#include <utility>

namespace sohoa::domain {

// The national code of a procedure's result document (mã kết quả, MaGiayToKetQua):
// `KQ.<ministry code>.<6 digits>`, e.g. `KQ.G15.000031` (birth certificate). The ministry code
// is a level letter and two digits. Input is trimmed and upper-cased.
class ResultCode
{
    Q_DECLARE_TR_FUNCTIONS(ResultCode)

public:
    static ResultCode parse(QStringView text); // throws UserError(InvalidInput)
    static std::optional<ResultCode> tryParse(QStringView text, QString* whyNot = nullptr);
    static bool isValid(QStringView text);

    QString toString() const { return code_; }
    QString ministryCode() const { return code_.mid(3, 3); }
    int number() const { return code_.mid(7).toInt(); }

    bool operator==(const ResultCode& other) const = default;
    std::strong_ordering operator<=>(const ResultCode& other) const;

private:
    explicit ResultCode(QString code) : code_(std::move(code)) {}
    QString code_;
};

size_t qHash(const ResultCode& code, size_t seed = 0) noexcept;

} // namespace sohoa::domain
