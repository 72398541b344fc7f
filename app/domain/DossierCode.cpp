// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/DossierCode.h"

#include "domain/CodeSyntax.h"
#include "domain/UserError.h"

#include <QHashFunctions>

namespace sohoa::domain {

namespace {

constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2099;

int largestSequence(int width)
{
    int limit = 1;
    for (int i = 0; i < width; ++i)
        limit *= 10;
    return limit - 1;
}

} // namespace

DossierCode DossierCode::make(const AgencyCode& agency, QDate received, int sequence,
                              int sequenceWidth)
{
    if (!received.isValid() || received.year() < kFirstYear || received.year() > kLastYear)
        throw UserError(ErrorKind::InvalidInput,
                        tr("A dossier code needs a reception date between %1 and %2.")
                            .arg(kFirstYear)
                            .arg(kLastYear));
    if (sequenceWidth < kMinSequenceWidth || sequenceWidth > kMaxSequenceWidth)
        throw UserError(ErrorKind::InvalidInput,
                        tr("The dossier sequence width must be %1 to %2 digits, not %3.")
                            .arg(kMinSequenceWidth)
                            .arg(kMaxSequenceWidth)
                            .arg(sequenceWidth));
    if (sequence < 0 || sequence > largestSequence(sequenceWidth))
        throw UserError(ErrorKind::InvalidInput,
                        tr("The dossier sequence number %1 does not fit in %2 digits.")
                            .arg(sequence)
                            .arg(sequenceWidth));
    return DossierCode(agency, received, sequence, sequenceWidth, false);
}

DossierCode DossierCode::makeProvisional(const AgencyCode& agency, QDate received, int sequence)
{
    const DossierCode code = make(agency, received, sequence, kProvisionalWidth);
    return DossierCode(code.agency_, code.received_, code.sequence_, kProvisionalWidth, true);
}

std::optional<DossierCode> DossierCode::tryParse(QStringView text, QString* whyNot)
{
    const QString code = text.trimmed().toString().toUpper();
    auto fail = [&](const QString& why) -> std::optional<DossierCode> {
        if (whyNot)
            *whyNot = why;
        return std::nullopt;
    };
    // Agency codes contain no hyphen, so the code splits into exactly three parts.
    const auto parts = QStringView(code).split(QLatin1Char('-'));
    if (parts.size() != 3)
        return fail(tr("The dossier code \"%1\" is not of the form "
                       "<agency code>-<yymmdd>-<sequence>.")
                        .arg(code));
    QString agencyWhy;
    auto agency = AgencyCode::tryParse(parts[0], &agencyWhy);
    if (!agency)
        return fail(tr("The dossier code \"%1\" starts with an invalid agency code: %2")
                        .arg(code, agencyWhy));
    const QStringView date = parts[1];
    const QDate received =
        date.size() == 6 && syntax::allDigits(date)
            ? QDate(kFirstYear + syntax::digitsValue(date.left(2)),
                    syntax::digitsValue(date.mid(2, 2)), syntax::digitsValue(date.mid(4, 2)))
            : QDate();
    if (!received.isValid())
        return fail(
            tr("The dossier code \"%1\" has no valid reception date (yymmdd) after the agency "
               "code.")
                .arg(code));
    const bool provisional = parts[2].startsWith(QLatin1Char('P'));
    const QStringView sequence = provisional ? parts[2].mid(1) : parts[2];
    if ((provisional && sequence.size() != kProvisionalWidth) ||
        sequence.size() < kMinSequenceWidth || sequence.size() > kMaxSequenceWidth ||
        !syntax::allDigits(sequence))
        return fail(tr("The dossier code \"%1\" must end in a sequence number of %2 to %3 "
                       "digits (or P and 4 digits for a provisional code).")
                        .arg(code)
                        .arg(kMinSequenceWidth)
                        .arg(kMaxSequenceWidth));
    return DossierCode(std::move(*agency), received, syntax::digitsValue(sequence),
                       static_cast<int>(sequence.size()), provisional);
}

DossierCode DossierCode::parse(QStringView text)
{
    QString why;
    if (auto code = tryParse(text, &why))
        return *code;
    throw UserError(ErrorKind::InvalidInput, why);
}

bool DossierCode::isValid(QStringView text)
{
    return tryParse(text).has_value();
}

QString DossierCode::toString() const
{
    return QStringLiteral("%1-%2-%3%4")
        .arg(agency_.toString(), received_.toString(QStringLiteral("yyMMdd")),
             provisional_ ? QStringLiteral("P") : QString())
        .arg(sequence_, width_, 10, QLatin1Char('0'));
}

std::strong_ordering DossierCode::operator<=>(const DossierCode& other) const
{
    return toString().compare(other.toString()) <=> 0;
}

size_t qHash(const DossierCode& code, size_t seed) noexcept
{
    return qHash(code.toString(), seed);
}

} // namespace sohoa::domain
