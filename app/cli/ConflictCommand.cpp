// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli conflict --store PATH --dossier CODE (--accept-hub | --reapply) [--officer ID] [--json]
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/OfficerOption.h"
#include "cli/UnsentChangesJson.h"
#include "usecases/SyncConflicts.h"

namespace sohoa::cli {

int runConflict(CliContext& context)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("store"), CliContext::tr("The encrypted store file."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("dossier"), CliContext::tr("The dossier in conflict."),
                      QStringLiteral("CODE")});
    parser.addOption({QStringLiteral("accept-hub"),
                      CliContext::tr("Take the provincial hub's version; the unsent changes are "
                                     "discarded.")});
    parser.addOption({QStringLiteral("reapply"),
                      CliContext::tr("Take the provincial hub's version, then make the unsent "
                                     "changes again from it.")});
    parser.addOption(officerOption());
    parser.addOptions(CliContext::unlockOptions());
    context.parse(parser, QStringLiteral("conflict"));

    const bool acceptHub = parser.isSet(QStringLiteral("accept-hub"));
    if (acceptHub == parser.isSet(QStringLiteral("reapply")))
        CliContext::usageError(CliContext::tr("Choose one of --accept-hub and --reapply."));
    auto store = context.openStore(parser, CliContext::required(parser, QStringLiteral("store")));
    const QString code = CliContext::required(parser, QStringLiteral("dossier"));
    const usecases::SettledConflict settled =
        acceptHub ? usecases::SyncConflicts::acceptHub(*store, code, officerId(parser))
                  : usecases::SyncConflicts::reapply(*store, code, officerId(parser));
    if (context.json()) {
        context.printJson(QJsonObject{
            {"dossier_code", settled.dossierCode},
            {"choice", acceptHub ? QStringLiteral("accept-hub") : QStringLiteral("reapply")},
            {"state", settled.state},
            {"version", settled.version},
            {"discarded", unsentChangesJson(settled.discarded)},
            {"queued", settled.rowsQueued}});
        return 0;
    }
    context.printLine(acceptHub ? CliContext::tr("%1 now follows the provincial hub (%2 v%3).")
                                      .arg(settled.dossierCode, settled.state)
                                      .arg(settled.version)
                                : CliContext::tr("%1 is %2 v%3; %4 new change(s) go to the hub "
                                                 "with the next sync.")
                                      .arg(settled.dossierCode, settled.state)
                                      .arg(settled.version)
                                      .arg(settled.rowsQueued));
    for (const usecases::UnsentChange& change : settled.discarded)
        context.printLine(
            (acceptHub ? CliContext::tr("  discarded: %1") : CliContext::tr("  made again: %1"))
                .arg(unsentChangeLine(change)));
    return 0;
}

} // namespace sohoa::cli
