// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli sync --store PATH [--server URL] [--once] [--ca-file PEM] [--json]
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/HubOptions.h"
#include "domain/UserError.h"
#include "usecases/CodeBlockTopUp.h"
#include "usecases/HubClock.h"
#include "usecases/HubDecisionFeed.h"
#include "usecases/HubSettingsPull.h"
#include "usecases/HubToken.h"
#include "usecases/OutboxRelay.h"
#include "usecases/WorkstationSettings.h"

#include <QJsonArray>
#include <QThread>
#include <cstdlib>

namespace sohoa::cli {

namespace {

// Without --once, how long to wait at most before looking at the outbox again.
constexpr std::chrono::seconds kLongestWait{60};

QJsonObject passJson(const QString& server, const usecases::SyncPassResult& pass,
                     std::optional<qint64> clockSkew,
                     const usecases::CodeBlockTopUpResult& codeBlocks,
                     const usecases::HubSettingsResult& settings,
                     const usecases::HubDecisionFeedResult& decisions)
{
    QJsonArray codesAssigned;
    for (const usecases::AssignedCode& code : pass.codesAssigned)
        codesAssigned.append(
            QJsonObject{{"provisional", code.provisional}, {"assigned", code.assigned}});
    QStringList errors = pass.errors;
    for (const QString& error : {decisions.error, settings.error})
        if (!error.isEmpty())
            errors.prepend(error);
    if (!codeBlocks.error.isEmpty())
        errors.prepend(codeBlocks.error);
    return QJsonObject{
        {"server", server},
        {"clock_skew_seconds", clockSkew ? QJsonValue(*clockSkew) : QJsonValue()},
        {"clock_warning", clockSkew && std::abs(*clockSkew) > usecases::kClockWarningSeconds},
        {"operations", QJsonObject{{"sent", pass.sent},
                                   {"replayed", pass.replayed},
                                   {"deferred", pass.deferred},
                                   {"parked", pass.parked},
                                   {"conflicts", pass.conflicts},
                                   {"pending", pass.pending}}},
        {"files", QJsonObject{{"uploaded", pass.filesUploaded}, {"bytes", pass.bytesUploaded}}},
        {"code_blocks",
         QJsonObject{{"reserved", codeBlocks.blocks}, {"numbers", codeBlocks.numbers}}},
        {"codes_assigned", codesAssigned},
        {"settings_changed", settings.changed},
        {"decisions_applied", decisions.applied},
        {"decision_conflicts", decisions.conflicts},
        {"stopped", pass.stoppedBecause},
        {"errors", QJsonArray::fromStringList(errors)}};
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
    const std::optional<qint64> clockSkew = usecases::hubClockSkewSeconds(hub);
    if (usecases::auditClockSkew(*store, clockSkew, store->unlockedSlot()))
        CliContext::printError(
            CliContext::tr("Warning: this computer's clock differs from the provincial hub's by "
                           "%1 minutes; correct it, the dossiers' dates come from it.")
                .arg(*clockSkew / 60));
    // Numbers for the coming days, once the hub has answered its status.
    usecases::CodeBlockTopUpResult codeBlocks;
    if (clockSkew) {
        codeBlocks = usecases::CodeBlockTopUp::run(*store, hub, usecases::CodeBlockPolicy{},
                                                   QDate::currentDate(), store->unlockedSlot());
        if (codeBlocks.unauthorized)
            throw UserError(ErrorKind::AccessDenied, codeBlocks.error);
        if (!codeBlocks.error.isEmpty() && !context.json())
            CliContext::printError(codeBlocks.error);
    }

    for (;;) {
        // The province's settings and the hub's decisions first, so that a dossier they
        // conflict with is known before its rows are sent (docs/SYNC-PROTOCOL.md §14.1).
        const usecases::HubSettingsResult settings =
            clockSkew ? usecases::HubSettingsPull::pull(*store, hub)
                      : usecases::HubSettingsResult{};
        const usecases::HubDecisionFeedResult decisions =
            clockSkew ? usecases::HubDecisionFeed::pull(*store, hub)
                      : usecases::HubDecisionFeedResult{};
        const usecases::SyncPassResult pass =
            usecases::OutboxRelay::runOnce(*store, hub, store->unlockedSlot());
        if (pass.sent > 0)
            usecases::HubToken::keep(*store, connection.token, store->unlockedSlot());
        if (context.json()) {
            context.printJson(passJson(server, pass, clockSkew, codeBlocks, settings, decisions));
        } else {
            if (decisions.applied + decisions.conflicts > 0)
                context.printLine(
                    CliContext::tr("Decisions of the provincial hub: applied %1, in conflict %2.")
                        .arg(decisions.applied)
                        .arg(decisions.conflicts));
            if (settings.changed > 0)
                context.printLine(CliContext::tr("Settings pushed by the province: %1 changed.")
                                      .arg(settings.changed));
            for (const QString& error : {settings.error, decisions.error})
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
        // Reported once: later passes of a long-running sync reserve nothing new.
        codeBlocks = {};
        if (pass.stoppedBecause == QLatin1String("unauthorized") ||
            pass.stoppedBecause == QLatin1String("tls-pin-mismatch"))
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
