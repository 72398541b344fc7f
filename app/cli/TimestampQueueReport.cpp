// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/TimestampQueueReport.h"

#include <QJsonArray>

namespace sohoa::cli {

QJsonObject timestampQueueJson(const usecases::TimestampQueueResult& result)
{
    QJsonObject json{{"stamped", QJsonArray::fromStringList(result.stamped)},
                     {"covered", QJsonArray::fromStringList(result.covered)},
                     {"still_awaiting", result.stillAwaiting}};
    if (!result.offlineReason.isEmpty())
        json.insert(QStringLiteral("offline_reason"), result.offlineReason);
    return json;
}

void printTimestampQueue(const CliContext& context, const usecases::TimestampQueueResult& result)
{
    if (!result.stamped.isEmpty())
        context.printLine(CliContext::tr("Time-stamp added to %n signed document(s): %1.", nullptr,
                                         static_cast<int>(result.stamped.size()))
                              .arg(result.stamped.join(QStringLiteral(", "))));
    if (!result.covered.isEmpty())
        context.printLine(
            CliContext::tr("Earlier signatures covered by a later time-stamped one: %1.")
                .arg(result.covered.join(QStringLiteral(", "))));
    if (result.stillAwaiting > 0)
        context.printLine(
            CliContext::tr("%n signature(s) still await a time-stamp (%1); they are tried "
                           "again with the next signing or time-stamp run.",
                           nullptr, result.stillAwaiting)
                .arg(result.offlineReason.isEmpty()
                         ? CliContext::tr("a later signature of the file has no time-stamp")
                         : result.offlineReason));
    else if (result.stamped.isEmpty() && result.covered.isEmpty())
        context.printLine(CliContext::tr("No signature awaits a time-stamp."));
}

} // namespace sohoa::cli
