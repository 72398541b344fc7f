// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/CodeBlockTopUp.h"

#include "usecases/StoreAccess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace sohoa::usecases {

namespace {

constexpr auto kCodeBlocksPath = "/v1/code-blocks";

// Consecutive days that need numbers: one request each.
struct DayRun
{
    QDate first;
    int days = 0;
};

std::vector<DayRun> daysRunningLow(storage::Store& store, const QString& agency,
                                   const CodeBlockPolicy& policy, QDate today)
{
    std::vector<DayRun> runs;
    for (int offset = 0; offset < policy.daysAhead; ++offset) {
        const QDate day = today.addDays(offset);
        if (StoreAccess::guarded([&] { return store.reservedNumbersLeft(agency, day); }) >=
            policy.lowWatermark)
            continue;
        if (!runs.empty() && runs.back().first.addDays(runs.back().days) == day)
            ++runs.back().days;
        else
            runs.push_back(DayRun{day, 1});
    }
    return runs;
}

// Stores the granted blocks; returns how many numbers they hold.
int keep(storage::Store& store, const QJsonObject& answer, const QString& officerId)
{
    const int width = answer.value("sequence_width").toInt(4);
    int numbers = 0;
    QStringList granted;
    StoreAccess::guarded([&] {
        store.inTransaction([&] {
            for (const QJsonValue& value : answer.value("blocks").toArray()) {
                const QJsonObject block = value.toObject();
                const storage::CodeBlockRecord record{
                    block.value("agency_code").toString(),
                    QDate::fromString(block.value("day").toString(), Qt::ISODate),
                    block.value("first").toInt(), block.value("last").toInt(), width};
                if (!record.day.isValid() || record.first < 1 || record.last < record.first)
                    continue;
                store.addCodeBlock(record);
                numbers += record.last - record.first + 1;
                granted << QStringLiteral("%1 %2:%3-%4")
                               .arg(record.agencyCode, record.day.toString(Qt::ISODate))
                               .arg(record.first)
                               .arg(record.last);
            }
            if (!granted.isEmpty())
                store.appendEvent({0, QString(), QDateTime::currentDateTimeUtc(), officerId,
                                   QStringLiteral("code-blocks-reserved"),
                                   granted.join(QStringLiteral(", "))});
        });
    });
    return numbers;
}

} // namespace

CodeBlockTopUpResult CodeBlockTopUp::run(storage::Store& store, const sync::HubClient& hub,
                                         const CodeBlockPolicy& policy, QDate today,
                                         const QString& officerId)
{
    CodeBlockTopUpResult result;
    const QString agency = StoreAccess::guarded([&] {
                               return store.setting(QStringLiteral("agency_code"));
                           }).value_or(QString());
    if (agency.isEmpty())
        return result;
    for (const DayRun& run : daysRunningLow(store, agency, policy, today)) {
        const QJsonObject request{{"agency_code", agency},
                                  {"first_day", run.first.toString(Qt::ISODate)},
                                  {"days", run.days},
                                  {"size", policy.sizePerDay}};
        const sync::HubResponse response =
            hub.postJson(QString::fromLatin1(kCodeBlocksPath),
                         QJsonDocument(request).toJson(QJsonDocument::Compact),
                         QUuid::createUuid().toString(QUuid::WithoutBraces));
        if (response.status != 200) {
            result.error = tr("No dossier numbers reserved: %1").arg(response.failure());
            result.unauthorized = !response.stopsRunBecause().isEmpty();
            return result;
        }
        const int numbers = keep(store, response.json, officerId);
        result.numbers += numbers;
        result.blocks += static_cast<int>(response.json.value("blocks").toArray().size());
    }
    return result;
}

} // namespace sohoa::usecases
