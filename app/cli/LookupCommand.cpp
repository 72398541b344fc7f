// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli lookup --store PATH --server URL --id ID [--civil-status] [--purpose CODE]
//                  [--dossier CODE] [--purpose-text TEXT] [--ca-file PEM] [--json]
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/HubOptions.h"
#include "cli/OfficerOption.h"
#include "usecases/CitizenLookup.h"

#include <QJsonArray>

namespace sohoa::cli {

namespace {

void printDocuments(const CliContext& context, const QJsonArray& documents)
{
    context.printLine(
        CliContext::tr("%n earlier document(s) can be reused.", nullptr, int(documents.size())));
    for (const QJsonValue& value : documents) {
        const QJsonObject document = value.toObject();
        context.printLine(QStringLiteral("  %1  %2  %3  %4  sha256:%5")
                              .arg(document.value("dossier_code").toString(),
                                   document.value("file_name").toString(),
                                   document.value("name").toString(),
                                   document.value("digitized_at").toString(),
                                   document.value("sha256").toString()));
    }
}

QString nameAndBirth(const QJsonObject& person)
{
    return CliContext::tr("%1, born %2")
        .arg(person.value("full_name").toString(), person.value("date_of_birth").toString());
}

void printCivilStatus(const CliContext& context, const QJsonObject& answer)
{
    for (const QJsonValue& value : answer.value("births").toArray()) {
        const QJsonObject birth = value.toObject();
        context.printLine(CliContext::tr("Birth: %1; registered on %2 by %3")
                              .arg(nameAndBirth(birth.value("child").toObject()),
                                   birth.value("registration_date").toString(),
                                   birth.value("registration_office").toString()));
    }
    for (const QJsonValue& value : answer.value("marriages").toArray()) {
        const QJsonObject marriage = value.toObject();
        const QJsonArray spouses = marriage.value("spouses").toArray();
        context.printLine(CliContext::tr("Marriage: %1 and %2; on %3 at %4")
                              .arg(spouses.at(0).toObject().value("full_name").toString(),
                                   spouses.at(1).toObject().value("full_name").toString(),
                                   marriage.value("date").toString(),
                                   marriage.value("registration_office").toString()));
    }
    for (const QJsonValue& value : answer.value("deaths").toArray()) {
        const QJsonObject death = value.toObject();
        context.printLine(CliContext::tr("Death: %1; died on %2")
                              .arg(nameAndBirth(death.value("person").toObject()),
                                   death.value("died_on").toString()));
    }
    const int total =
        int(answer.value("births").toArray().size() + answer.value("marriages").toArray().size() +
            answer.value("deaths").toArray().size());
    if (total == 0)
        context.printLine(CliContext::tr("The civil-status book holds no record for this ID."));
}

} // namespace

int runLookup(CliContext& context)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("store"), CliContext::tr("The encrypted store file."),
                      QStringLiteral("PATH")});
    addHubOptions(parser);
    parser.addOption({QStringLiteral("id"),
                      CliContext::tr("The citizen's 12-digit personal ID (for documents also a "
                                     "tax code or passport number)."),
                      QStringLiteral("ID")});
    const QCommandLineOption civilStatusOption(
        QStringLiteral("civil-status"),
        CliContext::tr("The personal civil-status book (births, marriages, deaths) instead of "
                       "earlier digitized documents."));
    parser.addOption(civilStatusOption);
    parser.addOption({QStringLiteral("purpose"),
                      CliContext::tr("Why the officer looks: document-reuse (default for "
                                     "documents), dossier-reception (default for the civil-status "
                                     "book), identity-check."),
                      QStringLiteral("CODE")});
    parser.addOption({QStringLiteral("dossier"), CliContext::tr("The dossier the look-up serves."),
                      QStringLiteral("CODE")});
    parser.addOption({QStringLiteral("purpose-text"),
                      CliContext::tr("A short note on the purpose (no ID numbers)."),
                      QStringLiteral("TEXT")});
    parser.addOption(officerOption());
    parser.addOptions(CliContext::unlockOptions());
    context.parse(parser, QStringLiteral("lookup"));

    auto store = context.openStore(parser, CliContext::required(parser, QStringLiteral("store")));
    usecases::CitizenLookupRequest request;
    request.kind = parser.isSet(civilStatusOption)
                       ? usecases::CitizenLookupRequest::Kind::CivilStatus
                       : usecases::CitizenLookupRequest::Kind::Documents;
    request.identifier = CliContext::required(parser, QStringLiteral("id"));
    request.officerId = officerId(parser);
    request.purposeCode = parser.value(QStringLiteral("purpose"));
    if (request.purposeCode.isEmpty())
        request.purposeCode = parser.isSet(civilStatusOption) ? QStringLiteral("dossier-reception")
                                                              : QStringLiteral("document-reuse");
    request.dossierCode = parser.value(QStringLiteral("dossier"));
    request.purposeText = parser.value(QStringLiteral("purpose-text"));

    const sync::HubClient hub(hubConnection(parser, *store));
    const QJsonObject answer = usecases::CitizenLookup::run(*store, hub, request);
    if (context.json())
        context.printJson(answer);
    else if (parser.isSet(civilStatusOption))
        printCivilStatus(context, answer);
    else
        printDocuments(context, answer.value("documents").toArray());
    return 0;
}

} // namespace sohoa::cli
