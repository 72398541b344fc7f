// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/MrzCheck.h"

namespace sohoa::identity {

namespace {
constexpr int kTd3LineLength = 44;

std::optional<int> mrzValue(QChar c)
{
    if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
        return c.unicode() - u'0';
    if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
        return c.unicode() - u'A' + 10;
    if (c == QLatin1Char('<'))
        return 0;
    return std::nullopt;
}

// YYMMDD; birth dates in the future belong to the previous century, expiry dates are 20YY.
QDate mrzDate(QStringView text, bool isBirth)
{
    bool ok = false;
    const int yy = text.left(2).toInt(&ok);
    if (!ok)
        return {};
    const int month = text.mid(2, 2).toInt(&ok);
    if (!ok)
        return {};
    const int day = text.mid(4, 2).toInt(&ok);
    if (!ok)
        return {};
    int year = 2000 + yy;
    if (isBirth && year > QDate::currentDate().year())
        year -= 100;
    return QDate(year, month, day);
}

QString withoutFiller(QStringView text)
{
    QString out = text.toString();
    out.replace(QLatin1Char('<'), QLatin1Char(' '));
    return out.simplified();
}
} // namespace

std::optional<int> mrzCheckDigit(QStringView field)
{
    static constexpr int kWeights[] = {7, 3, 1};
    int sum = 0;
    for (qsizetype i = 0; i < field.size(); ++i) {
        const std::optional<int> value = mrzValue(field[i]);
        if (!value)
            return std::nullopt;
        sum += *value * kWeights[i % 3];
    }
    return sum % 10;
}

bool mrzCheckDigitMatches(QStringView field, QChar checkDigit)
{
    const std::optional<int> expected = mrzCheckDigit(field);
    // A field left empty ('<' only) may carry '<' as its check digit.
    if (checkDigit == QLatin1Char('<'))
        return expected == 0;
    return expected && checkDigit.isDigit() && checkDigit.unicode() - u'0' == *expected;
}

QString cleanMrzLine(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c.isSpace())
            continue;
        if (c == QChar(0x00AB) || c == QChar(0x2039) || c == QChar(0x00BB) || c == QChar(0x2264))
            out += QLatin1String("<");
        else
            out += c.toUpper();
    }
    return out;
}

std::optional<PassportMrz> parsePassportMrz(QStringView line1, QStringView line2)
{
    if (line1.size() != kTd3LineLength || line2.size() != kTd3LineLength ||
        line1[0] != QLatin1Char('P'))
        return std::nullopt;
    PassportMrz mrz;
    mrz.issuingState = withoutFiller(line1.mid(2, 3));
    const QStringView names = line1.mid(5);
    const qsizetype split = names.indexOf(QLatin1String("<<"));
    mrz.surname = withoutFiller(split < 0 ? names : names.left(split));
    mrz.givenNames = split < 0 ? QString() : withoutFiller(names.mid(split + 2));

    const QStringView number = line2.mid(0, 9);
    mrz.passportNumber = withoutFiller(number).remove(QLatin1Char(' '));
    mrz.numberCheckOk = mrzCheckDigitMatches(number, line2[9]);
    mrz.nationality = withoutFiller(line2.mid(10, 3));
    const QStringView birth = line2.mid(13, 6);
    mrz.dateOfBirth = mrzDate(birth, true);
    mrz.birthCheckOk = mrzCheckDigitMatches(birth, line2[19]) && mrz.dateOfBirth.isValid();
    const QChar sex = line2[20];
    mrz.sex = sex == QLatin1Char('M')   ? domain::Sex::Male
              : sex == QLatin1Char('F') ? domain::Sex::Female
                                        : domain::Sex::Unknown;
    const QStringView expiry = line2.mid(21, 6);
    mrz.dateOfExpiry = mrzDate(expiry, false);
    mrz.expiryCheckOk = mrzCheckDigitMatches(expiry, line2[27]) && mrz.dateOfExpiry.isValid();
    const QString composite =
        line2.mid(0, 10).toString() + line2.mid(13, 7).toString() + line2.mid(21, 22).toString();
    mrz.compositeCheckOk = mrzCheckDigitMatches(composite, line2[43]);
    return mrz;
}

} // namespace sohoa::identity
