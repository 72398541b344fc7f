// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace sohoa::usecases {

// The officer-facing, translated name of a stored lifecycle state ("captured" -> "Đã số hóa").
QString dossierStateDisplayName(const QString& storedState);

} // namespace sohoa::usecases
