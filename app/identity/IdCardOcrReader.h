// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "identity/IdentityFields.h"
#include "ocr/PageText.h"

#include <QCoreApplication>

namespace sohoa::identity {

// Reads identity fields off recognized text by reading the page as a person would: it finds
// the printed labels ("Họ và tên / Full name", "Ngày sinh / Date of birth", ... in Vietnamese
// or English, matched without diacritics and with a few OCR errors allowed) and takes the
// value after the label on the same line, or on the line below it. No layout is assumed.
// Values are validated (personal ID rules, real dates, Nam/Nữ) and names re-cased from
// capitals. Tax codes (check digit), old ID numbers, passport numbers and a passport's MRZ
// (check digits) are also recognized anywhere in the text.
// Fields come back with source Ocr and boxes in the PageText's pixel coordinates.
class IdCardOcrReader
{
    Q_DECLARE_TR_FUNCTIONS(IdCardOcrReader)

public:
    static IdentityFields read(const ocr::PageText& text);
};

} // namespace sohoa::identity
