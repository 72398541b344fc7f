// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/StoreKeyCommands.h"

#include "cli/CliContext.h"
#include "cli/OfficerOption.h"
#include "usecases/StoreKeys.h"

namespace sohoa::cli {

namespace {
storage::SecureBytes newPassphrase(const CliContext& context, const QCommandLineParser& parser)
{
    return context.secret(parser, QStringLiteral("new-passphrase-file"), "SOHOA_NEW_PASSPHRASE");
}

QString namedOfficer(const QCommandLineParser& parser, const QString& action)
{
    const QString name = parser.positionalArguments().value(1);
    if (name.isEmpty())
        CliContext::usageError(CliContext::tr("store %1 needs the officer's name.").arg(action));
    return name;
}
} // namespace

void addStoreKeyOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {QStringLiteral("new-passphrase-file"),
         CliContext::tr("passwd, add-officer, recover: the new passphrase from the first line of "
                        "FILE (default: SOHOA_NEW_PASSPHRASE)."),
         QStringLiteral("FILE")},
        {QStringLiteral("recovery-key-file"),
         CliContext::tr("recover: the agency recovery key from FILE (default: "
                        "SOHOA_RECOVERY_KEY)."),
         QStringLiteral("FILE")},
        {QStringLiteral("to"), CliContext::tr("backup: write the encrypted copy to FILE."),
         QStringLiteral("FILE")},
    });
}

int runStoreKeyAction(CliContext& context, const QCommandLineParser& parser, const QString& action,
                      const QString& storePath)
{
    const QStringList actions{QStringLiteral("passwd"),         QStringLiteral("add-officer"),
                              QStringLiteral("remove-officer"), QStringLiteral("rekey"),
                              QStringLiteral("recover"),        QStringLiteral("backup")};
    if (!actions.contains(action))
        return -1;
    const QString actor = officerId(parser);
    QJsonObject result{{"store", storePath}, {"action", action}};

    if (action == QLatin1String("recover")) {
        auto store = context.openStoreWithRecoveryKey(parser, storePath);
        usecases::StoreKeys::recover(*store, actor, newPassphrase(context, parser));
        result.insert("officer", actor);
    } else {
        auto store = context.openStore(parser, storePath);
        if (action == QLatin1String("passwd")) {
            usecases::StoreKeys::changePassphrase(*store, actor, newPassphrase(context, parser));
        } else if (action == QLatin1String("add-officer")) {
            const QString name = namedOfficer(parser, action);
            usecases::StoreKeys::addOfficer(*store, actor, name, newPassphrase(context, parser));
            result.insert("officer", name);
        } else if (action == QLatin1String("remove-officer")) {
            const QString name = namedOfficer(parser, action);
            usecases::StoreKeys::removeOfficer(*store, actor, name);
            result.insert("officer", name);
        } else if (action == QLatin1String("rekey")) {
            usecases::StoreKeys::rekey(*store, actor);
        } else {
            const QString target = CliContext::required(parser, QStringLiteral("to"));
            usecases::StoreKeys::backup(*store, actor, target);
            result.insert("backup", target);
        }
    }
    context.printStoreActionDone(result, action);
    return 0;
}

} // namespace sohoa::cli
