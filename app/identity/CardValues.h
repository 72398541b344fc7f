// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Sex.h"

#include <QDate>
#include <QString>
#include <QStringView>
#include <optional>

namespace sohoa::identity {

// Values as the chip ID card prints them or its QR code stores them.

// "Nam" / "Nữ" (also without diacritics, or "Male" / "Female"); nullopt otherwise.
std::optional<domain::Sex> parseCardSex(QStringView text);
// "ddMMyyyy" (QR) or "dd/MM/yyyy", "dd-MM-yyyy", "dd.MM.yyyy" (printed); invalid otherwise.
QDate parseCardDate(QStringView text);
// The ISO form used in output: yyyy-MM-dd.
QString isoDate(QDate date);
// Text with runs of white space collapsed to one space, trimmed, NFC.
QString tidyText(QStringView text);

} // namespace sohoa::identity
