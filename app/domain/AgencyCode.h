// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>
#include <compare>
#include <optional>
#include <utility>

namespace sohoa::domain {

// The code of an administrative agency (mã cơ quan, mã định danh đơn vị). Two national forms:
//  - QCVN 102:2016: `xxx.yy.zz.Lnn`, 13 characters, lowest level first, the last group a
//    letter and two digits (G = ministries, H = provinces): `000.00.53.H48`, `000.A0.01.H26`.
//  - Decision 20/2020/QĐ-TTg (amended 2025): dot-separated groups of 0-9 A-Z, at most 35
//    characters in all, highest level first: `G09.20`, `H55.242`.
// Input is trimmed and upper-cased; toString() is the canonical form.
class AgencyCode
{
    Q_DECLARE_TR_FUNCTIONS(AgencyCode)

public:
    enum class Form
    {
        Qcvn102,
        Decision20
    };

    static constexpr int kMaxLength = 35;

    static AgencyCode parse(QStringView text); // throws UserError(InvalidInput)
    static std::optional<AgencyCode> tryParse(QStringView text, QString* whyNot = nullptr);
    static bool isValid(QStringView text);

    QString toString() const { return code_; }
    Form form() const;
    // The ministry or province group: `H48` for `000.00.53.H48`, `H55` for `H55.242`.
    QString topLevel() const;

    bool operator==(const AgencyCode& other) const = default;
    std::strong_ordering operator<=>(const AgencyCode& other) const;

private:
    explicit AgencyCode(QString code) : code_(std::move(code)) {}
    QString code_;
};

size_t qHash(const AgencyCode& code, size_t seed = 0) noexcept;

} // namespace sohoa::domain
