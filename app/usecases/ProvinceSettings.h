// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "usecases/CodeBlockTopUp.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QUrl>
#include <optional>
#include <utility>
#include <vector>

namespace sohoa::usecases {

// The policies the province pushes (docs/SYNC-PROTOCOL.md §7.2) besides the calendar, the
// trust anchors and the workstation settings: its time-stamp server, how far ahead code blocks
// are kept, the longest retention of delivered files, and the scan profiles with their lock
// (ScanProfileRepository). HubSettingsPull stores them; the
// commands that need them read them here.
class ProvinceSettings
{
    Q_DECLARE_TR_FUNCTIONS(ProvinceSettings)

public:
    // The province's RFC 3161 server; empty when it set none.
    static QUrl tsaUrl(storage::Store& store);
    // The province's code-block policy, else the defaults.
    static CodeBlockPolicy codeBlockPolicy(storage::Store& store);
    // The longest retention the province allows (days); nullopt: no limit of its own.
    static std::optional<int> retentionDaysMax(storage::Store& store);

    // The store settings (key, value) a pushed settings document sets for these policies.
    // UserError(InvalidInput) for a value out of bounds: the caller then applies nothing.
    static std::vector<std::pair<QString, QString>> fromPushed(const QJsonObject& document);
};

} // namespace sohoa::usecases
