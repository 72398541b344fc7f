// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/HubSettingsPull.h"

#include "domain/UserError.h"
#include "usecases/ProvinceSettings.h"
#include "usecases/StoreAccess.h"
#include "usecases/TrustAnchorImport.h"
#include "usecases/WorkingCalendar.h"
#include "usecases/WorkstationSettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <array>
#include <set>

namespace sohoa::usecases {

namespace {

constexpr auto kRevisionSetting = "sync.settings_revision";
constexpr auto kSettingsPath = "/v1/settings";
// The hub as the officer of the audit events its settings leave, and as an anchor's adder.
constexpr auto kHub = "hub";
// Values longer than this are not repeated in the audit event.
constexpr qsizetype kLongestDetail = 120;
// Members of the pushed `sync` object and the workstation settings they feed.
constexpr std::array<std::pair<const char*, const char*>, 2> kSyncMembers{{
    {"bandwidth_kbps", "sync-bandwidth-kbps"},
    {"interval_seconds", "sync-interval-seconds"},
}};

struct PushedSetting
{
    QString name; // the WorkstationSettings name
    int value;
};

// The workstation settings `document` sets; UserError when one is out of its bounds.
std::vector<PushedSetting> pushedWorkstationSettings(const QJsonObject& document)
{
    std::vector<PushedSetting> pushed;
    const QJsonObject sync = document.value("sync").toObject();
    for (const auto& [member, name] : kSyncMembers) {
        const QJsonValue value = sync.value(QLatin1String(member));
        if (value.isUndefined())
            continue;
        PushedSetting setting{QString::fromLatin1(name), value.toInt(-1)};
        WorkstationSettings::checkedKey(setting.name, setting.value);
        pushed.push_back(std::move(setting));
    }
    return pushed;
}

QString hub()
{
    return QString::fromLatin1(kHub);
}

void audit(storage::Store& store, const QString& action, const QString& detail)
{
    store.appendEvent({0, QString(), QDateTime::currentDateTimeUtc(), hub(), action, detail});
}

// Stores `value` under `key` when it differs, audited with `detail`; whether it changed.
bool change(storage::Store& store, const QString& key, const QString& value, const QString& detail)
{
    if (store.setting(key) == value)
        return false;
    store.setSetting(key, value);
    audit(store, QStringLiteral("setting-changed"), detail);
    return true;
}

int applyDays(storage::Store& store, const QJsonObject& document, const char* member,
              const char* key)
{
    if (!document.contains(QLatin1String(member)))
        return 0;
    const QJsonArray days = document.value(QLatin1String(member)).toArray();
    return change(store, QString::fromLatin1(key),
                  QString::fromUtf8(QJsonDocument(days).toJson(QJsonDocument::Compact)),
                  QStringLiteral("%1: %2 days").arg(QLatin1String(key)).arg(days.size()))
               ? 1
               : 0;
}

// The pushed values of workstation settings, already within their bounds (checked before the
// transaction).
int applyWorkstationSettings(storage::Store& store, const std::vector<PushedSetting>& pushed)
{
    int changed = 0;
    for (const PushedSetting& setting : pushed)
        changed += change(store, WorkstationSettings::checkedKey(setting.name, setting.value),
                          QString::number(setting.value),
                          QStringLiteral("%1=%2").arg(setting.name).arg(setting.value))
                       ? 1
                       : 0;
    return changed;
}

// The province's policies (ProvinceSettings), already checked.
int applyPolicies(storage::Store& store, const std::vector<std::pair<QString, QString>>& policies)
{
    int changed = 0;
    for (const auto& [key, value] : policies)
        // The profiles' JSON is in the setting itself: the event names what changed.
        changed += change(store, key, value,
                          value.size() <= kLongestDetail ? key + QLatin1Char('=') + value : key)
                       ? 1
                       : 0;
    return changed;
}

// The pushed list is authoritative for the anchors the hub added, and for those only.
int applyAnchors(storage::Store& store, const QJsonObject& document)
{
    if (!document.contains(QLatin1String("trust_anchors")))
        return 0;
    int changed = 0;
    std::set<QByteArray> pushed;
    for (const QJsonValue& anchor : document.value("trust_anchors").toArray()) {
        const storage::TrustAnchorRecord record = TrustAnchorImport::recordOf(
            QByteArray::fromBase64(anchor.toObject().value("certificate").toString().toLatin1()),
            hub());
        pushed.insert(record.sha256);
        if (store.addTrustAnchor(record)) {
            audit(store, QStringLiteral("trust-anchor-added"), record.subject);
            ++changed;
        }
    }
    for (const storage::TrustAnchorRecord& held : store.trustAnchors())
        if (held.addedBy == hub() && !pushed.contains(held.sha256) &&
            store.removeTrustAnchor(held.sha256)) {
            audit(store, QStringLiteral("trust-anchor-removed"), held.subject);
            ++changed;
        }
    return changed;
}

} // namespace

HubSettingsResult HubSettingsPull::pull(storage::Store& store, const sync::HubClient& hubClient)
{
    HubSettingsResult result;
    const QString revision = StoreAccess::guarded([&] {
        return store.setting(QString::fromLatin1(kRevisionSetting)).value_or(QStringLiteral("0"));
    });
    const sync::HubResponse response =
        hubClient.get(QString::fromLatin1(kSettingsPath) + QStringLiteral("?since=") + revision);
    if (response.status != 200) {
        result.error = tr("The province's settings could not be read: %1").arg(response.failure());
        return result;
    }
    if (response.json.value("unchanged").toBool())
        return result;
    const QJsonObject document = response.json.value("settings").toObject();
    std::vector<PushedSetting> pushed;
    std::vector<std::pair<QString, QString>> policies;
    try {
        pushed = pushedWorkstationSettings(document);
        policies = ProvinceSettings::fromPushed(document);
    } catch (const UserError& refused) {
        // Out of bounds: nothing of this revision is taken; the next sync asks again.
        result.error = tr("The province's settings were not applied: %1").arg(refused.message());
        return result;
    }
    StoreAccess::guarded([&] {
        store.inTransaction([&] {
            result.changed =
                applyDays(store, document, "holidays", kHolidaysSetting) +
                applyDays(store, document, "make_up_working_days", kMakeUpWorkingDaysSetting) +
                applyWorkstationSettings(store, pushed) + applyPolicies(store, policies) +
                applyAnchors(store, document);
            store.setSetting(QString::fromLatin1(kRevisionSetting),
                             QString::number(response.json.value("revision").toInteger()));
        });
    });
    return result;
}

} // namespace sohoa::usecases
