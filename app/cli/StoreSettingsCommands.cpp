// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/StoreSettingsCommands.h"

#include "cli/CliContext.h"
#include "cli/OfficerOption.h"
#include "usecases/QuickUnlock.h"
#include "usecases/WorkstationSettings.h"

#include <QJsonArray>

namespace sohoa::cli {

namespace {
int printSettings(CliContext& context, storage::Store& store)
{
    QJsonArray array;
    for (const auto& setting : usecases::WorkstationSettings::all(store)) {
        array.append(QJsonObject{{"name", setting.name},
                                 {"value", setting.value},
                                 {"minimum", setting.minimum},
                                 {"maximum", setting.maximum},
                                 {"default", setting.isDefault}});
        if (!context.json())
            context.printLine(
                QStringLiteral("%1\t%2%3")
                    .arg(setting.name)
                    .arg(setting.value)
                    .arg(setting.isDefault ? CliContext::tr(" (default)") : QString()));
    }
    if (context.json())
        context.printJson(QJsonObject{{"settings", array}});
    return 0;
}
} // namespace

int runStoreSettingsAction(CliContext& context, const QCommandLineParser& parser,
                           const QString& action, const QString& storePath)
{
    const QStringList actions{QStringLiteral("keyring-on"), QStringLiteral("keyring-off"),
                              QStringLiteral("settings"), QStringLiteral("set")};
    if (!actions.contains(action))
        return -1;
    auto store = context.openStore(parser, storePath);
    if (action == QLatin1String("settings"))
        return printSettings(context, *store);

    QJsonObject result{{"store", storePath}, {"action", action}};
    if (action == QLatin1String("set")) {
        const QStringList positional = parser.positionalArguments();
        bool ok = false;
        const int value = positional.value(2).toInt(&ok);
        if (positional.size() != 3 || !ok)
            CliContext::usageError(CliContext::tr("store set needs a setting name and a number."));
        usecases::WorkstationSettings::set(*store, officerId(parser), positional.value(1), value);
        result.insert(positional.value(1), value);
    } else if (action == QLatin1String("keyring-on")) {
        usecases::QuickUnlock::enable(*store, officerId(parser));
        result.insert("officer", store->unlockedSlot());
    } else {
        result.insert("was_on", usecases::QuickUnlock::disable(*store, officerId(parser)));
    }
    context.printStoreActionDone(result, action);
    return 0;
}

} // namespace sohoa::cli
