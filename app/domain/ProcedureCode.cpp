// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/ProcedureCode.h"

#include "domain/CodeSyntax.h"
#include "domain/UserError.h"

#include <QHashFunctions>

namespace sohoa::domain {

namespace {
constexpr qsizetype kBaseLength = 8; // d.dddddd
}

std::optional<ProcedureCode> ProcedureCode::tryParse(QStringView text, QString* whyNot)
{
    const QString code = text.trimmed().toString().toUpper();
    auto fail = [&](const QString& why) -> std::optional<ProcedureCode> {
        if (whyNot)
            *whyNot = why;
        return std::nullopt;
    };
    const QStringView base = QStringView(code).left(kBaseLength);
    const bool baseOk = base.size() == kBaseLength && syntax::isDigit(base[0]) &&
                        base[1] == QLatin1Char('.') && syntax::allDigits(base.mid(2));
    if (!baseOk)
        return fail(tr("The procedure code \"%1\" does not start with a digit, a dot and six "
                       "digits (like 1.001193).")
                        .arg(code));
    if (code.size() == kBaseLength)
        return ProcedureCode(base.toString(), std::nullopt);

    if (code.at(kBaseLength) != QLatin1Char('.'))
        return fail(
            tr("The procedure code \"%1\" has extra characters after the six digits.").arg(code));
    QString agencyWhy;
    auto agency = AgencyCode::tryParse(QStringView(code).mid(kBaseLength + 1), &agencyWhy);
    if (!agency)
        return fail(tr("The procedure code \"%1\" ends in an invalid agency code: %2")
                        .arg(code, agencyWhy));
    return ProcedureCode(base.toString(), std::move(agency));
}

ProcedureCode ProcedureCode::parse(QStringView text)
{
    QString why;
    if (auto code = tryParse(text, &why))
        return *code;
    throw UserError(ErrorKind::InvalidInput, why);
}

bool ProcedureCode::isValid(QStringView text)
{
    return tryParse(text).has_value();
}

QString ProcedureCode::toString() const
{
    return agency_ ? base_ + QLatin1Char('.') + agency_->toString() : base_;
}

std::strong_ordering ProcedureCode::operator<=>(const ProcedureCode& other) const
{
    return toString().compare(other.toString()) <=> 0;
}

size_t qHash(const ProcedureCode& code, size_t seed) noexcept
{
    return qHash(code.toString(), seed);
}

} // namespace sohoa::domain
