// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AgencyCode.h"

#include <QCoreApplication>
#include <QString>
#include <QStringView>
#include <compare>
#include <optional>
#include <utility>

namespace sohoa::domain {

// The national code of an administrative procedure (mã thủ tục hành chính): a digit, a dot and
// six digits, e.g. `1.001193`. Provincial systems append the implementing agency's code:
// `1.011442.000.00.00.H38`; such a code keeps its suffix, and base() gives the national code
// that the catalogue is keyed on.
class ProcedureCode
{
    Q_DECLARE_TR_FUNCTIONS(ProcedureCode)

public:
    static ProcedureCode parse(QStringView text); // throws UserError(InvalidInput)
    static std::optional<ProcedureCode> tryParse(QStringView text, QString* whyNot = nullptr);
    static bool isValid(QStringView text);

    QString toString() const;
    // The national code without any agency suffix.
    ProcedureCode base() const { return ProcedureCode(base_, std::nullopt); }
    QString baseText() const { return base_; }
    bool hasAgencySuffix() const { return agency_.has_value(); }
    std::optional<AgencyCode> agency() const { return agency_; }

    bool operator==(const ProcedureCode& other) const = default;
    std::strong_ordering operator<=>(const ProcedureCode& other) const;

private:
    ProcedureCode(QString base, std::optional<AgencyCode> agency)
        : base_(std::move(base)), agency_(std::move(agency))
    {
    }
    QString base_;
    std::optional<AgencyCode> agency_;
};

size_t qHash(const ProcedureCode& code, size_t seed = 0) noexcept;

} // namespace sohoa::domain
