// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/ResultCode.h"

#include "domain/CodeSyntax.h"
#include "domain/UserError.h"

#include <QHashFunctions>

namespace sohoa::domain {

std::optional<ResultCode> ResultCode::tryParse(QStringView text, QString* whyNot)
{
    const QString code = text.trimmed().toString().toUpper();
    // K Q . L n n . d d d d d d
    // 0 1 2 3 4 5 6 7 ...     12
    const bool ok = code.size() == 13 && code.startsWith(QLatin1String("KQ.")) &&
                    syntax::isUpper(code[3]) && syntax::allDigits(QStringView(code).mid(4, 2)) &&
                    code[6] == QLatin1Char('.') && syntax::allDigits(QStringView(code).mid(7));
    if (ok)
        return ResultCode(code);
    if (whyNot)
        *whyNot = tr("The result code \"%1\" is not of the form KQ.<ministry code>.<6 digits> "
                     "(like KQ.G15.000031).")
                      .arg(code);
    return std::nullopt;
}

ResultCode ResultCode::parse(QStringView text)
{
    QString why;
    if (auto code = tryParse(text, &why))
        return *code;
    throw UserError(ErrorKind::InvalidInput, why);
}

bool ResultCode::isValid(QStringView text)
{
    return tryParse(text).has_value();
}

std::strong_ordering ResultCode::operator<=>(const ResultCode& other) const
{
    return code_.compare(other.code_) <=> 0;
}

size_t qHash(const ResultCode& code, size_t seed) noexcept
{
    return qHash(code.toString(), seed);
}

} // namespace sohoa::domain
