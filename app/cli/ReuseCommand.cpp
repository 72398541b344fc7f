// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli reuse --store PATH --server URL --dossier CODE --component CODE --sha256 HEX
//                 [--ca-file PEM] [--json]
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/HubOptions.h"
#include "cli/OfficerOption.h"
#include "usecases/DocumentReuse.h"

namespace sohoa::cli {

int runReuse(CliContext& context)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("store"), CliContext::tr("The encrypted store file."),
                      QStringLiteral("PATH")});
    addHubOptions(parser);
    parser.addOption({QStringLiteral("dossier"), CliContext::tr("The dossier being received."),
                      QStringLiteral("CODE")});
    parser.addOption({QStringLiteral("component"),
                      CliContext::tr("The component the earlier document stands for, e.g. TP1."),
                      QStringLiteral("CODE")});
    parser.addOption({QStringLiteral("sha256"),
                      CliContext::tr("The earlier document, as `lookup` listed it."),
                      QStringLiteral("HEX")});
    parser.addOption(officerOption());
    parser.addOptions(CliContext::unlockOptions());
    context.parse(parser, QStringLiteral("reuse"));

    auto store = context.openStore(parser, CliContext::required(parser, QStringLiteral("store")));
    const usecases::DocumentReuseRequest request{
        CliContext::required(parser, QStringLiteral("dossier")),
        CliContext::required(parser, QStringLiteral("component")),
        CliContext::required(parser, QStringLiteral("sha256")), officerId(parser)};
    const sync::HubClient hub(hubConnection(parser, *store));
    const usecases::DocumentReuseOutcome outcome =
        usecases::DocumentReuse::run(*store, hub, request);
    if (context.json())
        context.printJson(QJsonObject{{"dossier_code", request.dossierCode},
                                      {"component", request.componentCode},
                                      {"file_name", outcome.fileName},
                                      {"size", outcome.size},
                                      {"already_held", outcome.alreadyHeld},
                                      {"signature_verdict", outcome.signatureVerdict},
                                      {"signature_message", outcome.signatureMessage}});
    else if (outcome.alreadyHeld)
        context.printLine(CliContext::tr("%1 holds this document already (%2).")
                              .arg(request.componentCode, outcome.fileName));
    else
        context.printLine(CliContext::tr("Reused as %1 (%2 bytes) under %3; it goes to the hub "
                                         "with the next sync.")
                              .arg(outcome.fileName)
                              .arg(outcome.size)
                              .arg(request.componentCode));
    return 0;
}

} // namespace sohoa::cli
