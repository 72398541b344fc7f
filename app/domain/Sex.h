// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace sohoa::domain {

// Sex as recorded on identity papers (giới tính). Unknown when the papers do not say.
enum class Sex
{
    Male,
    Female,
    Unknown
};

// Stable names for storage and sync payloads: "male", "female", "unknown".
QString sexToString(Sex sex);
std::optional<Sex> sexFromString(QStringView name);

} // namespace sohoa::domain
