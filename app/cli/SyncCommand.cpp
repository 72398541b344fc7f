// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli sync --store PATH [--server URL] [--once] [--ca-file PEM] [--json]
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/HubOptions.h"
#include "domain/UserError.h"
#include "usecases/SyncRound.h"
#include "usecases/WorkstationSettings.h"

#include <QJsonArray>
#include <QThread>

namespace sohoa::cli {

namespace {

// Without --once, how long to wait at most before looking at the outbox again.
constexpr std::chrono::seconds kLongestWait{60};

QJsonObject passJson(const QString& server, const usecases::HubContact& contact,
                     const usecases::SyncRoundResult& round)
{
    const usecases::SyncPassResult& pass = round.pass;
    QJsonArray codesAssigned;
    for (const usecases::AssignedCode& code : pass.codesAssigned)
        codesAssigned.append(
            QJsonObject{{"provisional", code.provisional}, {"assigned", code.assigned}});
    QStringList errors = round.errors();
    if (!contact.codeBlocks.error.isEmpty())
        errors.prepend(contact.codeBlocks.error);
    const std::optional<qint64> skew = contact.clockSkewSeconds;
    return QJsonObject{
        {"server", server},
        {"clock_skew_seconds", skew ? QJsonValue(*skew) : QJsonValue()},
        {"clock_warning", contact.clockWarning},
        {"operations", QJsonObject{{"sent", pass.sent},
                                   {"replayed", pass.replayed},
                                   {"deferred", pass.deferred},
                                   {"parked", pass.parked},
                                   {"conflicts", pass.conflicts},
                                   {"pending", pass.pending}}},
        {"files", QJsonObject{{"uploaded", pass.filesUploaded}, {"bytes", pass.bytesUploaded}}},
        {"code_blocks", QJsonObject{{"reserved", contact.codeBlocks.blocks},
                                    {"numbers", contact.codeBlocks.numbers}}},
        {"codes_assigned", codesAssigned},
        {"settings_changed", round.settings.changed},
        {"catalogue_changed", round.catalogue.changed},
        {"catalogue_revision", round.catalogue.revision},
        {"decisions_applied", round.decisions.applied},
        {"decision_conflicts", round.decisions.conflicts},
        {"stopped", pass.stoppedBecause},
        {"errors", QJsonArray::fromStringList(errors)}};
}

void printPass(CliContext& context, const usecases::SyncRoundResult& round)
{
    const usecases::SyncPassResult& pass = round.pass;
    if (round.decisions.applied + round.decisions.conflicts > 0)
        context.printLine(CliContext::tr("Decisions of the provincial hub: applied %1, in "
                                         "conflict %2.")
                              .arg(round.decisions.applied)
                              .arg(round.decisions.conflicts));
    if (round.settings.changed > 0)
        context.printLine(CliContext::tr("Settings pushed by the province: %1 changed.")
                              .arg(round.settings.changed));
    if (round.catalogue.changed > 0)
        context.printLine(CliContext::tr("Catalogue of the province: revision %1 (%2 changed).")
                              .arg(round.catalogue.revision)
                              .arg(round.catalogue.changed));
    for (const QString& error :
         {round.settings.error, round.catalogue.error, round.decisions.error})
        if (!error.isEmpty())
            CliContext::printError(error);
    context.printLine(CliContext::tr("Sent %1, waiting %2, refused %3, in conflict %4.")
                          .arg(pass.sent)
                          .arg(pass.pending)
                          .arg(pass.parked)
                          .arg(pass.conflicts));
    for (const usecases::AssignedCode& code : pass.codesAssigned)
        context.printLine(CliContext::tr("Provisional code %1 is now %2: reprint the "
                                         "citizen's receipt.")
                              .arg(code.provisional, code.assigned));
}

} // namespace

int runSync(CliContext& context)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("store"), CliContext::tr("The encrypted store file."),
                      QStringLiteral("PATH")});
    addHubOptions(parser);
    const QCommandLineOption onceOption(
        QStringLiteral("once"),
        CliContext::tr("One pass, then stop (else: until everything is delivered)."));
    parser.addOption(onceOption);
    parser.addOptions(CliContext::unlockOptions());
    context.parse(parser, QStringLiteral("sync"));

    auto store = context.openStore(parser, CliContext::required(parser, QStringLiteral("store")));
    sync::HubConnection connection = hubConnection(parser, *store);
    // Only the background transfer is capped: look-ups and reuse have an officer waiting.
    connection.bandwidthKbps = usecases::WorkstationSettings::syncBandwidthKbps(*store);
    const QString server = connection.server.toString();
    const sync::HubClient hub(connection);
    usecases::HubContact contact = usecases::SyncRound::contact(*store, hub);
    if (contact.clockWarning)
        CliContext::printError(
            CliContext::tr("Warning: this computer's clock differs from the provincial hub's by "
                           "%1 minutes; correct it, the dossiers' dates come from it.")
                .arg(*contact.clockSkewSeconds / 60));
    if (contact.codeBlocks.unauthorized)
        throw UserError(ErrorKind::AccessDenied, contact.codeBlocks.error);
    if (!contact.codeBlocks.error.isEmpty() && !context.json())
        CliContext::printError(contact.codeBlocks.error);

    for (;;) {
        const usecases::SyncRoundResult round = usecases::SyncRound::pass(*store, hub, contact);
        if (context.json())
            context.printJson(passJson(server, contact, round));
        else
            printPass(context, round);
        // Reported once: later passes of a long-running sync reserve nothing new.
        contact.codeBlocks = {};
        const usecases::SyncPassResult& pass = round.pass;
        if (round.refused())
            throw UserError(ErrorKind::AccessDenied, pass.errors.value(0));
        if (parser.isSet(onceOption) || pass.pending == 0) {
            if (pass.stoppedBecause == QLatin1String("offline"))
                throw UserError(ErrorKind::Network,
                                CliContext::tr("The provincial hub cannot be reached (%1); "
                                               "everything stays queued for the next sync.")
                                    .arg(pass.errors.value(0)));
            return 0;
        }
        QThread::msleep(static_cast<unsigned long>(
            usecases::OutboxRelay::untilNextAttempt(*store, kLongestWait).count()));
    }
}

} // namespace sohoa::cli
