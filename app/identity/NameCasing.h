// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace sohoa::identity {

// A Vietnamese personal name in title case, as forms write it: the card prints names in
// capitals ("NGUYỄN VĂN AN" -> "Nguyễn Văn An"). Each word gets an upper-case first letter
// and lower-case rest (Qt's case mapping covers the Vietnamese letters, đ/Đ included); white
// space is collapsed; the result is NFC.
QString toNameCase(QStringView name);

} // namespace sohoa::identity
