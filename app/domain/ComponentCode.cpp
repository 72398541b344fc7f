// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/ComponentCode.h"

#include "domain/CodeSyntax.h"
#include "domain/UserError.h"

#include <QHashFunctions>

namespace sohoa::domain {

namespace {
bool isComponentCodeChar(QChar c)
{
    return syntax::isUpperOrDigit(c) || syntax::isLower(c) || c == QLatin1Char('.') ||
           c == QLatin1Char('_') || c == QLatin1Char('-');
}
} // namespace

std::optional<ComponentCode> ComponentCode::tryParse(QStringView text, QString* whyNot)
{
    const QString code = text.trimmed().toString();
    auto fail = [&](const QString& why) -> std::optional<ComponentCode> {
        if (whyNot)
            *whyNot = why;
        return std::nullopt;
    };
    if (code.isEmpty())
        return fail(tr("The component code is empty."));
    if (code.size() > kMaxLength)
        return fail(tr("The component code \"%1\" is longer than %2 characters.")
                        .arg(code)
                        .arg(kMaxLength));
    for (QChar c : code) {
        if (!isComponentCodeChar(c))
            return fail(tr("The component code \"%1\" may contain only letters A-Z and a-z, "
                           "digits, dots, underscores and hyphens.")
                            .arg(code));
    }
    return ComponentCode(code);
}

ComponentCode ComponentCode::parse(QStringView text)
{
    QString why;
    if (auto code = tryParse(text, &why))
        return *code;
    throw UserError(ErrorKind::InvalidInput, why);
}

bool ComponentCode::isValid(QStringView text)
{
    return tryParse(text).has_value();
}

std::strong_ordering ComponentCode::operator<=>(const ComponentCode& other) const
{
    return code_.compare(other.code_) <=> 0;
}

size_t qHash(const ComponentCode& code, size_t seed) noexcept
{
    return qHash(code.toString(), seed);
}

} // namespace sohoa::domain
