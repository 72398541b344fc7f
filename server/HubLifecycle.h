// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>
#include <span>

namespace sohoa::hub {

// The dossier lifecycle as the hub checks a workstation's `dossier.transition` against it
// (docs/SYNC-PROTOCOL.md §5.4 step 6). The hub links none of the workstation's code, so this
// MIRRORS app/domain/DossierLifecycle.cpp — its table kRules and nationalStatus() — by the
// stable lower_snake_case names; tests/server/test_hub_lifecycle.cpp compares the two so that
// neither can change alone.
class HubLifecycle
{
public:
    struct Rule
    {
        const char* from;
        const char* transition;
        const char* to;
    };

    static std::span<const Rule> rules();
    // The state `transition` leads to from `from`; nullopt when the table has no such step.
    static std::optional<QString> next(const QString& from, const QString& transition);
    // The national TrangThaiHoSo of a state; nullopt for a name that is no state.
    static std::optional<int> nationalStatus(const QString& state);
};

} // namespace sohoa::hub
