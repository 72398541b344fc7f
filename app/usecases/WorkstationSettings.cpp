// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/WorkstationSettings.h"

#include "domain/UserError.h"
#include "usecases/AuditTrail.h"
#include "usecases/ProvinceSettings.h"
#include "usecases/StoreAccess.h"

#include <algorithm>
#include <array>

namespace sohoa::usecases {

namespace {
struct Definition
{
    const char* name;
    const char* storedAs;
    int defaultValue;
    int minimum;
    int maximum;
};

// Bounds: an unattended counter must not stay open for a whole shift; files of delivered
// dossiers are kept at most ten years locally (the province is the archive); a sync cap
// (kilobits per second, 0 = none) below 64 would make a 1 MiB scan take over two minutes; the
// window's sync worker looks at the hub between every 15 s and once a day.
constexpr std::array<Definition, 4> kDefinitions{{
    {"auto-lock-minutes", "auto_lock_minutes", 5, 0, 240},
    {"retention-days", "retention_days", 30, 0, 3650},
    {"sync-bandwidth-kbps", "sync.bandwidth_kbps", 0, 0, 1000000},
    {"sync-interval-seconds", "sync.interval_seconds", 60, 15, 86400},
}};

const Definition* definitionNamed(const QString& name)
{
    for (const Definition& definition : kDefinitions)
        if (name == QLatin1String(definition.name))
            return &definition;
    return nullptr;
}

WorkstationSettings::Setting read(storage::Store& store, const Definition& definition)
{
    return StoreAccess::guarded([&] {
        const auto stored = store.setting(QString::fromLatin1(definition.storedAs));
        bool ok = false;
        const int value = stored ? stored->toInt(&ok) : 0;
        const bool usable = ok && value >= definition.minimum && value <= definition.maximum;
        return WorkstationSettings::Setting{QString::fromLatin1(definition.name),
                                            usable ? value : definition.defaultValue,
                                            definition.minimum, definition.maximum, !usable};
    });
}
} // namespace

int WorkstationSettings::autoLockMinutes(storage::Store& store)
{
    return read(store, kDefinitions[0]).value;
}

int WorkstationSettings::retentionDays(storage::Store& store)
{
    const int days = read(store, kDefinitions[1]).value;
    return std::min(days, ProvinceSettings::retentionDaysMax(store).value_or(days));
}

int WorkstationSettings::syncBandwidthKbps(storage::Store& store)
{
    return read(store, kDefinitions[2]).value;
}

int WorkstationSettings::syncIntervalSeconds(storage::Store& store)
{
    return read(store, kDefinitions[3]).value;
}

std::vector<WorkstationSettings::Setting> WorkstationSettings::all(storage::Store& store)
{
    std::vector<Setting> settings;
    for (const Definition& definition : kDefinitions)
        settings.push_back(read(store, definition));
    return settings;
}

QString WorkstationSettings::checkedKey(const QString& name, int value)
{
    const Definition* definition = definitionNamed(name);
    if (definition == nullptr)
        throw UserError(ErrorKind::InvalidInput, tr("Unknown setting %1.").arg(name));
    if (value < definition->minimum || value > definition->maximum)
        throw UserError(ErrorKind::InvalidInput, tr("%1 must be between %2 and %3.")
                                                     .arg(name)
                                                     .arg(definition->minimum)
                                                     .arg(definition->maximum));
    return QString::fromLatin1(definition->storedAs);
}

void WorkstationSettings::set(storage::Store& store, const QString& actor, const QString& name,
                              int value)
{
    const QString key = checkedKey(name, value);
    const std::optional<int> provinceMax = ProvinceSettings::retentionDaysMax(store);
    if (name == QLatin1String(kDefinitions[1].name) && provinceMax && value > *provinceMax)
        throw UserError(ErrorKind::InvalidInput,
                        tr("The province keeps delivered files at most %n day(s) on a "
                           "workstation.",
                           nullptr, *provinceMax));
    StoreAccess::guarded([&] {
        recordSettingChange(store, actor, key, QString::number(value),
                            QStringLiteral("%1=%2").arg(name).arg(value));
    });
}

} // namespace sohoa::usecases
