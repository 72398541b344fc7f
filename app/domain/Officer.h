// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace sohoa::domain {

// A civil servant who works at the counter (cán bộ, công chức tiếp nhận): officers receive and
// digitize dossiers, supervisors review them, administrators manage the workstation.
struct Officer
{
    enum class Role
    {
        Officer,
        Supervisor,
        Administrator
    };

    QString id;
    QString name;
    Role role = Role::Officer;

    // Stable names for storage: "officer", "supervisor", "administrator".
    static QString toString(Role role);
    static std::optional<Role> roleFromString(QStringView name);

    bool operator==(const Officer& other) const = default;
};

} // namespace sohoa::domain
