// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/ProvinceSettings.h"

#include "domain/UserError.h"
#include "usecases/ScanProfileRepository.h"
#include "usecases/StoreAccess.h"

#include <QJsonDocument>

namespace sohoa::usecases {

namespace {

constexpr auto kTsaUrlSetting = "signing.tsa_url";
constexpr auto kCodeBlocksSetting = "sync.code_blocks";
constexpr auto kRetentionMaxSetting = "retention.max_days";

// Bounds: blocks for a month at most (numbers a closed counter holds are lost to the day's
// sequence), a thousand a day covers the busiest provincial centre.
constexpr int kMaxDaysAhead = 30;
constexpr int kMaxSizePerDay = 1000;
constexpr int kMaxRetentionDays = 3650;

int boundedMember(const QJsonObject& object, const char* member, int minimum, int maximum,
                  const QString& where)
{
    const int value = object.value(QLatin1String(member)).toInt(minimum - 1);
    if (value < minimum || value > maximum)
        throw UserError(ErrorKind::InvalidInput,
                        ProvinceSettings::tr("%1.%2 must be between %3 and %4.")
                            .arg(where, QLatin1String(member))
                            .arg(minimum)
                            .arg(maximum));
    return value;
}

} // namespace

QUrl ProvinceSettings::tsaUrl(storage::Store& store)
{
    return QUrl(StoreAccess::setting(store, kTsaUrlSetting), QUrl::StrictMode);
}

CodeBlockPolicy ProvinceSettings::codeBlockPolicy(storage::Store& store)
{
    CodeBlockPolicy policy;
    const QJsonObject pushed =
        QJsonDocument::fromJson(StoreAccess::setting(store, kCodeBlocksSetting).toUtf8()).object();
    policy.daysAhead = pushed.value("days_ahead").toInt(policy.daysAhead);
    policy.sizePerDay = pushed.value("size_per_day").toInt(policy.sizePerDay);
    policy.lowWatermark = pushed.value("low_watermark").toInt(policy.lowWatermark);
    return policy;
}

std::optional<int> ProvinceSettings::retentionDaysMax(storage::Store& store)
{
    bool ok = false;
    const int days = StoreAccess::setting(store, kRetentionMaxSetting).toInt(&ok);
    return ok ? std::optional<int>(days) : std::nullopt;
}

std::vector<std::pair<QString, QString>> ProvinceSettings::fromPushed(const QJsonObject& document)
{
    std::vector<std::pair<QString, QString>> settings;
    if (document.contains(QLatin1String("tsa_url"))) {
        const QUrl url(document.value("tsa_url").toString(), QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            throw UserError(ErrorKind::InvalidInput,
                            tr("tsa_url must be an http:// or https:// address."));
        settings.emplace_back(QString::fromLatin1(kTsaUrlSetting), url.toString());
    }
    if (document.contains(QLatin1String("code_blocks"))) {
        const QJsonObject blocks = document.value("code_blocks").toObject();
        const QString where = QStringLiteral("code_blocks");
        const int size = boundedMember(blocks, "size_per_day", 1, kMaxSizePerDay, where);
        const QJsonObject policy{
            {"days_ahead", boundedMember(blocks, "days_ahead", 1, kMaxDaysAhead, where)},
            {"size_per_day", size},
            {"low_watermark", boundedMember(blocks, "low_watermark", 0, size, where)}};
        settings.emplace_back(
            QString::fromLatin1(kCodeBlocksSetting),
            QString::fromUtf8(QJsonDocument(policy).toJson(QJsonDocument::Compact)));
    }
    if (document.contains(QLatin1String("scan_profiles"))) {
        const auto profiles =
            ScanProfileRepository::provinceSettings(document.value("scan_profiles").toObject());
        settings.insert(settings.end(), profiles.begin(), profiles.end());
    }
    if (document.contains(QLatin1String("retention_days_max")))
        settings.emplace_back(
            QString::fromLatin1(kRetentionMaxSetting),
            QString::number(boundedMember(document, "retention_days_max", 0, kMaxRetentionDays,
                                          QStringLiteral("settings"))));
    return settings;
}

} // namespace sohoa::usecases
