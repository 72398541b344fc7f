// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/ScanProfileRepository.h"

#include "domain/UserError.h"
#include "usecases/AuditTrail.h"
#include "usecases/ScanProfileBuiltIns.h"
#include "usecases/StoreAccess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace sohoa::usecases {

namespace {
// Only edited built-ins and added profiles are stored: an untouched built-in follows the
// release (and its translated name) rather than a copy frozen at first use.
constexpr auto kProfilesKey = "scan_profiles";
constexpr auto kLockedKey = "scan_profiles_locked";

std::vector<ScanProfile> stored(storage::Store& store)
{
    const auto text =
        StoreAccess::guarded([&] { return store.setting(QString::fromLatin1(kProfilesKey)); });
    std::vector<ScanProfile> profiles;
    if (!text)
        return profiles;
    const QJsonDocument document = QJsonDocument::fromJson(text->toUtf8());
    if (!document.isObject())
        throw UserError(ErrorKind::Storage,
                        ScanProfileRepository::tr("The stored scan profiles are unreadable."));
    for (const QJsonValue& value : document.object().value(QLatin1String("profiles")).toArray())
        profiles.push_back(ScanProfile::fromJson(value.toObject()));
    return profiles;
}

// The stored form of `profiles`, by ID.
QString storedText(std::vector<ScanProfile> profiles)
{
    std::sort(profiles.begin(), profiles.end(),
              [](const ScanProfile& a, const ScanProfile& b) { return a.id < b.id; });
    QJsonArray array;
    for (const ScanProfile& profile : profiles)
        array.append(profile.toJson());
    return QString::fromUtf8(QJsonDocument(QJsonObject{{"version", 1}, {"profiles", array}})
                                 .toJson(QJsonDocument::Compact));
}

void save(storage::Store& store, const QString& actor, std::vector<ScanProfile> profiles,
          const QString& detail)
{
    const QString text = storedText(std::move(profiles));
    StoreAccess::guarded([&] {
        recordSettingChange(store, actor, QString::fromLatin1(kProfilesKey), text, detail);
    });
}

std::vector<ScanProfile>::iterator findIn(std::vector<ScanProfile>& profiles, const QString& id)
{
    return std::find_if(profiles.begin(), profiles.end(),
                        [&](const ScanProfile& profile) { return profile.id == id; });
}

void requireAdministrator(const storage::Store& store, const QString& message)
{
    if (!ScanProfileRepository::isAdministrator(store))
        throw UserError(ErrorKind::AccessDenied, message);
}

void requireMayEdit(storage::Store& store)
{
    if (ScanProfileRepository::isLocked(store))
        requireAdministrator(store, ScanProfileRepository::tr(
                                        "The scan profiles are locked: only the administrator, "
                                        "who opens the store with the agency recovery key, may "
                                        "change them."));
}

UserError notFound(const QString& id)
{
    return UserError(ErrorKind::NotFound,
                     ScanProfileRepository::tr("There is no scan profile %1.").arg(id));
}

QString auditDetail(const QString& id, const QString& change)
{
    return QStringLiteral("scan-profile:%1:%2").arg(id, change);
}
} // namespace

std::vector<ScanProfileRepository::Entry> ScanProfileRepository::all(storage::Store& store)
{
    std::vector<ScanProfile> saved = stored(store);
    std::vector<Entry> entries;
    for (ScanProfile& builtIn : ScanProfileBuiltIns::all()) {
        const auto edited = findIn(saved, builtIn.id);
        if (edited == saved.end()) {
            entries.push_back({std::move(builtIn), true, false});
        } else {
            entries.push_back({*edited, true, *edited != builtIn});
            saved.erase(edited);
        }
    }
    for (ScanProfile& added : saved)
        entries.push_back({std::move(added), false, false});
    return entries;
}

ScanProfileRepository::Entry ScanProfileRepository::entry(storage::Store& store, const QString& id)
{
    for (Entry& entry : all(store))
        if (entry.profile.id == id)
            return std::move(entry);
    throw notFound(id);
}

ScanProfile ScanProfileRepository::find(storage::Store* store, const QString& id)
{
    if (store != nullptr)
        return entry(*store, id).profile;
    if (auto builtIn = ScanProfileBuiltIns::find(id))
        return std::move(*builtIn);
    throw notFound(id);
}

bool ScanProfileRepository::isLocked(storage::Store& store)
{
    return StoreAccess::guarded(
        [&] { return store.setting(QString::fromLatin1(kLockedKey)) == QStringLiteral("1"); });
}

bool ScanProfileRepository::isAdministrator(const storage::Store& store)
{
    return store.unlockedSlot() == QLatin1String("recovery");
}

void ScanProfileRepository::set(storage::Store& store, const QString& actor, const QString& id,
                                const QString& key, const QString& value)
{
    requireMayEdit(store);
    ScanProfile profile = find(&store, id);
    profile.set(key, value);
    std::vector<ScanProfile> saved = stored(store);
    if (const auto old = findIn(saved, id); old != saved.end())
        *old = profile;
    else
        saved.push_back(profile);
    // A name is free text; the trail keeps codes only.
    const QString change =
        key == QLatin1String("name")
            ? key
            : QStringLiteral("%1=%2").arg(key, profile.value(key).toVariant().toString());
    save(store, actor, std::move(saved), auditDetail(id, change));
}

ScanProfile ScanProfileRepository::add(storage::Store& store, const QString& actor,
                                       const QString& id, const QString& fromId,
                                       const QString& name)
{
    requireMayEdit(store);
    ScanProfile::requireValidId(id);
    std::vector<ScanProfile> saved = stored(store);
    if (ScanProfileBuiltIns::isBuiltIn(id) || findIn(saved, id) != saved.end())
        throw UserError(ErrorKind::InvalidInput, tr("A scan profile %1 exists already.").arg(id));
    ScanProfile profile = find(&store, fromId);
    profile.id = id;
    profile.set(QStringLiteral("name"), name.isEmpty() ? id : name);
    saved.push_back(profile);
    save(store, actor, std::move(saved), auditDetail(id, QStringLiteral("added-from=") + fromId));
    return profile;
}

bool ScanProfileRepository::reset(storage::Store& store, const QString& actor, const QString& id)
{
    requireMayEdit(store);
    if (!ScanProfileBuiltIns::isBuiltIn(id)) {
        find(&store, id); // an unknown ID is "not found", not "not built in"
        throw UserError(
            ErrorKind::InvalidInput,
            tr("%1 is not a built-in profile: there is nothing to reset it to.").arg(id));
    }
    std::vector<ScanProfile> saved = stored(store);
    const auto edited = findIn(saved, id);
    if (edited == saved.end())
        return false;
    saved.erase(edited);
    save(store, actor, std::move(saved), auditDetail(id, QStringLiteral("reset")));
    return true;
}

void ScanProfileRepository::setLocked(storage::Store& store, const QString& actor, bool locked)
{
    requireAdministrator(store, tr("Only the administrator, who opens the store with the agency "
                                   "recovery key, may lock or unlock the scan profiles."));
    const QString value = locked ? QStringLiteral("1") : QStringLiteral("0");
    StoreAccess::guarded([&] {
        recordSettingChange(store, actor, QString::fromLatin1(kLockedKey), value,
                            QStringLiteral("scan-profiles-locked=") + value);
    });
}

std::vector<std::pair<QString, QString>>
ScanProfileRepository::provinceSettings(const QJsonObject& pushed)
{
    std::vector<ScanProfile> profiles;
    for (const QJsonValue& value : pushed.value(QLatin1String("profiles")).toArray())
        profiles.push_back(ScanProfile::fromJson(value.toObject()));
    return {{QString::fromLatin1(kProfilesKey), storedText(std::move(profiles))},
            {QString::fromLatin1(kLockedKey), pushed.value(QLatin1String("locked")).toBool()
                                                  ? QStringLiteral("1")
                                                  : QStringLiteral("0")}};
}

} // namespace sohoa::usecases
