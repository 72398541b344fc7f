// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli timestamp --store PATH [--tsa URL] [--json]
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/SigningOptions.h"
#include "cli/TimestampQueueReport.h"
#include "usecases/AwaitingTimestamps.h"
#include "usecases/ProvinceSettings.h"

namespace sohoa::cli {

int runTimestamp(CliContext& context)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("store"), CliContext::tr("The encrypted store file."),
                      QStringLiteral("PATH")});
    const QCommandLineOption tsaOption(
        QStringLiteral("tsa"),
        CliContext::tr("RFC 3161 time-stamp server that adds the awaited time-stamps; without "
                       "it, the province's, else only count them."),
        QStringLiteral("URL"));
    parser.addOption(tsaOption);
    parser.addOptions(CliContext::unlockOptions());
    context.parse(parser, QStringLiteral("timestamp"));
    if (!parser.positionalArguments().isEmpty())
        CliContext::usageError(CliContext::tr("timestamp takes no file: it works on the store."));

    auto store = context.openStore(parser, CliContext::required(parser, QStringLiteral("store")));
    const QUrl server = parser.isSet(tsaOption)
                            ? SigningOptions::timestampServer(parser.value(tsaOption))
                            : usecases::ProvinceSettings::tsaUrl(*store);
    if (server.isEmpty()) {
        const int awaiting = usecases::AwaitingTimestamps::count(*store);
        if (context.json())
            context.printJson(QJsonObject{{"awaiting", awaiting}});
        else
            context.printLine(
                CliContext::tr("%n signature(s) await a time-stamp.", nullptr, awaiting));
        return 0;
    }
    const signing::TimestampClient tsa(server);
    const usecases::TimestampQueueResult result =
        usecases::AwaitingTimestamps::drain(*store, tsa, store->unlockedSlot());
    if (context.json())
        context.printJson(timestampQueueJson(result));
    else
        printTimestampQueue(context, result);
    // Still offline is not an error: the queue keeps the signatures for the next run.
    return 0;
}

} // namespace sohoa::cli
