// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace sohoa::domain {

// Logs must never contain identity numbers (Law 91/2025 on personal data protection). This
// keeps the last `keptDigits` digits of an identifier, so an officer can still tell two log
// lines apart, and replaces every other letter or digit with '*'; separators stay.
// "001203001234" -> "*********234", "C1234567" -> "*****567".
QString maskForLog(QStringView identifier, int keptDigits = 3);

} // namespace sohoa::domain
