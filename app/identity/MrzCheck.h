// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Sex.h"

#include <QDate>
#include <QString>
#include <QStringView>
#include <optional>

namespace sohoa::identity {

// ICAO 9303 check digit over an MRZ field: character values (0-9 as themselves, A-Z as
// 10-35, '<' as 0) weighted 7, 3, 1 repeating, summed, modulo 10. nullopt when the field
// holds a character outside the MRZ alphabet.
std::optional<int> mrzCheckDigit(QStringView field);
bool mrzCheckDigitMatches(QStringView field, QChar checkDigit);

// The machine-readable zone of a passport (TD3: two lines of 44 characters, the first
// starting with 'P').
struct PassportMrz
{
    QString issuingState; // e.g. "VNM"
    QString surname;
    QString givenNames;
    QString passportNumber; // without filler '<'
    QString nationality;
    QDate dateOfBirth;
    domain::Sex sex = domain::Sex::Unknown;
    QDate dateOfExpiry;
    bool numberCheckOk = false;
    bool birthCheckOk = false;
    bool expiryCheckOk = false;
    bool compositeCheckOk = false;

    bool allChecksOk() const
    {
        return numberCheckOk && birthCheckOk && expiryCheckOk && compositeCheckOk;
    }
};

// Parses the two lines (spaces removed, upper case); nullopt when they do not have the TD3
// shape. Check digits are verified, not required: see the *CheckOk flags.
std::optional<PassportMrz> parsePassportMrz(QStringView line1, QStringView line2);
// An MRZ line as OCR tends to return it, cleaned: spaces removed, upper case, the look-alikes
// of '<' («, ‹, lower-case k after fillers is left alone) replaced.
QString cleanMrzLine(QStringView text);

} // namespace sohoa::identity
