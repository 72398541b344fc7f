// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli profile list|show ID|set ID KEY VALUE|add ID --from ID [--name NAME]|reset ID|lock|
//                   unlock --store PATH [--recovery-key-file FILE] [--json]
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/OfficerOption.h"
#include "usecases/ScanProfileBuiltIns.h"
#include "usecases/ScanProfileRepository.h"

#include <QJsonArray>

namespace sohoa::cli {

namespace {
using usecases::ScanProfileRepository;

QJsonObject entryJson(const ScanProfileRepository::Entry& entry)
{
    QJsonObject object = entry.profile.toJson();
    object.insert("name", usecases::ScanProfileBuiltIns::displayName(entry.profile));
    object.insert("built_in", entry.builtIn);
    object.insert("edited", entry.edited);
    object.insert("default", entry.profile.id == usecases::ScanProfileBuiltIns::defaultId());
    return object;
}

int printList(CliContext& context, storage::Store& store)
{
    const bool locked = ScanProfileRepository::isLocked(store);
    QJsonArray array;
    for (const ScanProfileRepository::Entry& entry : ScanProfileRepository::all(store)) {
        const QJsonObject object = entryJson(entry);
        array.append(object);
        if (context.json())
            continue;
        QString line = QStringLiteral("%1\t%2\t%3 %4 %5 dpi")
                           .arg(entry.profile.id, object.value("name").toString(),
                                object.value("source").toString(), object.value("mode").toString())
                           .arg(entry.profile.dpi);
        if (object.value("default").toBool())
            line += CliContext::tr(" (default)");
        if (entry.edited)
            line += CliContext::tr(" (edited)");
        context.printLine(line);
    }
    if (context.json())
        context.printJson(QJsonObject{{"locked", locked}, {"profiles", array}});
    else if (locked)
        context.printLine(CliContext::tr("The scan profiles are locked by the administrator."));
    return 0;
}

int printProfile(CliContext& context, const ScanProfileRepository::Entry& entry)
{
    const QJsonObject object = entryJson(entry);
    if (context.json()) {
        context.printJson(object);
        return 0;
    }
    context.printLine(QStringLiteral("id\t") + entry.profile.id);
    for (const QString& key : usecases::ScanProfile::keys()) {
        const QString jsonKey = QString(key).replace(QLatin1Char('-'), QLatin1Char('_'));
        context.printLine(key + QLatin1Char('\t') + object.value(jsonKey).toVariant().toString());
    }
    return 0;
}

QString profileId(const QStringList& positional, const QString& action)
{
    const QString id = positional.value(1);
    if (id.isEmpty())
        CliContext::usageError(CliContext::tr("profile %1 needs a profile ID.").arg(action));
    return id;
}
} // namespace

int runProfile(CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption storeOption(QStringLiteral("store"),
                                         CliContext::tr("The encrypted store file."),
                                         QStringLiteral("PATH"));
    const QCommandLineOption fromOption(QStringLiteral("from"),
                                        CliContext::tr("add: copy the settings of this profile."),
                                        QStringLiteral("ID"));
    const QCommandLineOption nameOption(QStringLiteral("name"),
                                        CliContext::tr("add: the new profile's name."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption recoveryOption(
        QStringLiteral("recovery-key-file"),
        CliContext::tr("Act as the administrator: unlock with the agency recovery key from FILE "
                       "(needed to lock, unlock, and change locked profiles)."),
        QStringLiteral("FILE"));
    parser.addOptions({storeOption, fromOption, nameOption, recoveryOption, officerOption()});
    parser.addOptions(CliContext::unlockOptions());
    parser.addPositionalArgument(
        QStringLiteral("action"),
        QStringLiteral("list|show ID|set ID KEY VALUE|add ID --from ID|reset ID|lock|unlock"));
    context.parse(parser, QStringLiteral("profile"));

    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const QStringList actions{QStringLiteral("list"),  QStringLiteral("show"),
                              QStringLiteral("set"),   QStringLiteral("add"),
                              QStringLiteral("reset"), QStringLiteral("lock"),
                              QStringLiteral("unlock")};
    if (!actions.contains(action))
        CliContext::usageError(CliContext::tr("profile needs one of: list, show ID, set ID KEY "
                                              "VALUE, add ID --from ID, reset ID, lock, unlock."));
    const QString path = CliContext::required(parser, QStringLiteral("store"));
    const auto store = parser.isSet(recoveryOption) ? context.openStoreWithRecoveryKey(parser, path)
                                                    : context.openStore(parser, path);
    const QString actor = officerId(parser);

    if (action == QLatin1String("list"))
        return printList(context, *store);
    if (action == QLatin1String("lock") || action == QLatin1String("unlock")) {
        const bool locked = action == QLatin1String("lock");
        ScanProfileRepository::setLocked(*store, actor, locked);
        if (context.json())
            context.printJson(QJsonObject{{"locked", locked}});
        else
            context.printLine(locked ? CliContext::tr("The scan profiles are locked.")
                                     : CliContext::tr("The scan profiles are unlocked."));
        return 0;
    }
    const QString id = profileId(positional, action);
    if (action == QLatin1String("set")) {
        if (positional.size() != 4)
            CliContext::usageError(
                CliContext::tr("profile set needs a profile ID, a setting and a value."));
        ScanProfileRepository::set(*store, actor, id, positional.value(2), positional.value(3));
    } else if (action == QLatin1String("add")) {
        ScanProfileRepository::add(*store, actor, id,
                                   CliContext::required(parser, QStringLiteral("from")),
                                   parser.value(nameOption));
    } else if (action == QLatin1String("reset")) {
        ScanProfileRepository::reset(*store, actor, id);
    }
    // show, and the profile as it is after a change.
    return printProfile(context, ScanProfileRepository::entry(*store, id));
}

} // namespace sohoa::cli
