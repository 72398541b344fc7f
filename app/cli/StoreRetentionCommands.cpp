// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/StoreRetentionCommands.h"

#include "cli/CliContext.h"
#include "cli/OfficerOption.h"
#include "usecases/Retention.h"

#include <QJsonArray>

namespace sohoa::cli {

void addRetentionOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {QStringLiteral("older-than"),
         CliContext::tr("purge: days since the province confirmed a dossier (default: the "
                        "store's retention setting, 30)."),
         QStringLiteral("DAYS")},
        {QStringLiteral("yes"), CliContext::tr("wipe: confirm the irreversible destruction.")},
    });
}

int runRetention(CliContext& context, const QCommandLineParser& parser, const QString& action,
                 const QString& storePath)
{
    if (action == QLatin1String("wipe")) {
        if (!parser.isSet(QStringLiteral("yes")))
            CliContext::usageError(CliContext::tr(
                "store wipe destroys the store and its key file for good; add --yes."));
        // Only someone who can open the store may destroy it.
        context.openStore(parser, storePath).reset();
        usecases::Retention::wipe(storePath);
        if (context.json())
            context.printJson(QJsonObject{{"store", storePath}, {"wiped", true}});
        else
            context.printLine(
                CliContext::tr("The store %1 and its key file were destroyed.").arg(storePath));
        return 0;
    }
    std::optional<int> days;
    if (parser.isSet(QStringLiteral("older-than"))) {
        bool ok = false;
        days = parser.value(QStringLiteral("older-than")).toInt(&ok);
        if (!ok)
            CliContext::usageError(CliContext::tr("--older-than takes a number of days."));
    }
    auto store = context.openStore(parser, storePath);
    const std::vector<QString> purged = usecases::Retention::purge(*store, officerId(parser), days);
    QJsonArray codes;
    for (const QString& code : purged)
        codes.append(code);
    if (context.json())
        context.printJson(QJsonObject{{"purged", codes}});
    else
        context.printLine(CliContext::tr("Purged the files of %n dossier(s).", nullptr,
                                         static_cast<int>(purged.size())));
    return 0;
}

} // namespace sohoa::cli
