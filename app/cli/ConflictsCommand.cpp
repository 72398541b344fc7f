// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli conflicts --store PATH [--json]
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/UnsentChangesJson.h"
#include "usecases/SyncConflicts.h"

#include <QJsonArray>

namespace sohoa::cli {

namespace {

QJsonValue hubCopyJson(const storage::HubCopy& hub)
{
    if (hub.version == 0)
        return QJsonValue::Null;
    return QJsonObject{
        {"state", hub.state}, {"national_status", hub.nationalStatus}, {"version", hub.version}};
}

void printConflict(const CliContext& context, const usecases::SyncConflict& conflict)
{
    context.printLine(QStringLiteral("%1: %2").arg(conflict.dossierCode, conflict.reason));
    context.printLine(
        CliContext::tr("  here: %1 v%2; hub: %3")
            .arg(conflict.localState)
            .arg(conflict.localVersion)
            .arg(conflict.hub.version == 0
                     ? CliContext::tr("not known yet (sync first)")
                     : QStringLiteral("%1 v%2").arg(conflict.hub.state).arg(conflict.hub.version)));
    for (const usecases::UnsentChange& change : conflict.changes)
        context.printLine(QStringLiteral("  - ") + unsentChangeLine(change));
}

} // namespace

int runConflicts(CliContext& context)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("store"), CliContext::tr("The encrypted store file."),
                      QStringLiteral("PATH")});
    parser.addOptions(CliContext::unlockOptions());
    context.parse(parser, QStringLiteral("conflicts"));

    auto store = context.openStore(parser, CliContext::required(parser, QStringLiteral("store")));
    const std::vector<usecases::SyncConflict> conflicts = usecases::SyncConflicts::list(*store);
    if (context.json()) {
        QJsonArray items;
        for (const usecases::SyncConflict& conflict : conflicts)
            items.append(QJsonObject{{"dossier_code", conflict.dossierCode},
                                     {"reason", conflict.reason},
                                     {"local", QJsonObject{{"state", conflict.localState},
                                                           {"version", conflict.localVersion}}},
                                     {"hub", hubCopyJson(conflict.hub)},
                                     {"unsent", unsentChangesJson(conflict.changes)}});
        context.printJson(QJsonObject{{"conflicts", items}});
    } else if (conflicts.empty()) {
        context.printLine(CliContext::tr("No dossier is in conflict with the provincial hub."));
    } else {
        for (const usecases::SyncConflict& conflict : conflicts)
            printConflict(context, conflict);
    }
    return 0;
}

} // namespace sohoa::cli
