// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/AgencyCode.h"

#include "domain/CodeSyntax.h"
#include "domain/UserError.h"

#include <QHashFunctions>
#include <QStringList>

namespace sohoa::domain {

namespace {

// `Lnn`: a level letter and two digits.
bool isLevelGroup(QStringView group)
{
    return group.size() == 3 && syntax::isUpper(group[0]) && syntax::isDigit(group[1]) &&
           syntax::isDigit(group[2]);
}

bool isQcvn102Shape(QStringView code)
{
    const auto groups = code.split(QLatin1Char('.'));
    return groups.size() == 4 && groups[0].size() == 3 && groups[1].size() == 2 &&
           groups[2].size() == 2 && isLevelGroup(groups[3]);
}

} // namespace

std::optional<AgencyCode> AgencyCode::tryParse(QStringView text, QString* whyNot)
{
    const QString code = text.trimmed().toString().toUpper();
    auto fail = [&](const QString& why) -> std::optional<AgencyCode> {
        if (whyNot)
            *whyNot = why;
        return std::nullopt;
    };
    if (code.isEmpty())
        return fail(tr("The agency code is empty."));
    if (code.size() > kMaxLength)
        return fail(
            tr("The agency code \"%1\" is longer than %2 characters.").arg(code).arg(kMaxLength));
    for (QStringView group : QStringView(code).split(QLatin1Char('.'))) {
        if (group.isEmpty())
            return fail(tr("The agency code \"%1\" has an empty group between dots.").arg(code));
        for (QChar c : group) {
            if (!syntax::isUpperOrDigit(c))
                return fail(
                    tr("The agency code \"%1\" may contain only letters A-Z, digits and dots.")
                        .arg(code));
        }
    }
    return AgencyCode(code);
}

AgencyCode AgencyCode::parse(QStringView text)
{
    QString why;
    if (auto code = tryParse(text, &why))
        return *code;
    throw UserError(ErrorKind::InvalidInput, why);
}

bool AgencyCode::isValid(QStringView text)
{
    return tryParse(text).has_value();
}

AgencyCode::Form AgencyCode::form() const
{
    return isQcvn102Shape(code_) ? Form::Qcvn102 : Form::Decision20;
}

QString AgencyCode::topLevel() const
{
    const QStringList groups = code_.split(QLatin1Char('.'));
    return form() == Form::Qcvn102 ? groups.last() : groups.first();
}

std::strong_ordering AgencyCode::operator<=>(const AgencyCode& other) const
{
    return code_.compare(other.code_) <=> 0;
}

size_t qHash(const AgencyCode& code, size_t seed) noexcept
{
    return qHash(code.toString(), seed);
}

} // namespace sohoa::domain
