// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli enrol --store PATH --server URL --code CODE [--name NAME] [--ca-file PEM]
//                 [--pin PIN] [--json]
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/HubOptions.h"
#include "usecases/Enrolment.h"

#include <QJsonArray>
#include <QSysInfo>

namespace sohoa::cli {

namespace {

constexpr qsizetype kLongestName = 100; // docs/SYNC-PROTOCOL.md §4.2

QString agencyCodes(const QJsonArray& agencies)
{
    QStringList codes;
    for (const QJsonValue& agency : agencies)
        codes << agency.toObject().value("code").toString();
    return codes.isEmpty() ? CliContext::tr("none yet") : codes.join(QStringLiteral(", "));
}

} // namespace

int runEnrol(CliContext& context)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("store"), CliContext::tr("The encrypted store file."),
                      QStringLiteral("PATH")});
    addHubOptions(parser);
    parser.addOption({QStringLiteral("code"),
                      CliContext::tr("The one-time enrolment code the province gave, e.g. "
                                     "7KQ2-M9XD-4HTA-0ZRB."),
                      QStringLiteral("CODE")});
    parser.addOption({QStringLiteral("name"),
                      CliContext::tr("How this workstation names itself to the hub (default: "
                                     "the computer's name)."),
                      QStringLiteral("NAME")});
    parser.addOptions(CliContext::unlockOptions());
    context.parse(parser, QStringLiteral("enrol"));

    // A mistyped code is found before the store is unlocked or the hub asked.
    const QString code =
        usecases::Enrolment::canonicalCode(CliContext::required(parser, QStringLiteral("code")));
    const QString name = parser.isSet(QStringLiteral("name")) ? parser.value(QStringLiteral("name"))
                                                              : QSysInfo::machineHostName();
    if (name.trimmed().isEmpty() || name.size() > kLongestName)
        CliContext::usageError(
            CliContext::tr("--name needs 1 to %1 characters.").arg(kLongestName));
    sync::HubConnection connection = hubAddress(parser);
    auto store = context.openStore(parser, CliContext::required(parser, QStringLiteral("store")));
    connection.pins = hubPins(parser, *store);
    const sync::HubClient hub(connection);
    const usecases::EnrolledWorkstation enrolled =
        usecases::Enrolment::enrol(*store, hub, code, name, store->unlockedSlot());

    const QString server = connection.server.toString();
    if (context.json())
        context.printJson(QJsonObject{{"server", server},
                                      {"workstation_id", enrolled.workstationId},
                                      {"workstation_name", enrolled.workstationName},
                                      {"agencies", enrolled.agencies},
                                      {"catalogue_revision", enrolled.catalogueRevision},
                                      {"server_time", enrolled.serverTime}});
    else
        context.printLine(CliContext::tr("Enrolled with %1 as workstation \"%2\" (%3); agencies: "
                                         "%4. sohoa-cli sync now uses this workstation's token.")
                              .arg(server, enrolled.workstationName, enrolled.workstationId,
                                   agencyCodes(enrolled.agencies)));
    return 0;
}

} // namespace sohoa::cli
