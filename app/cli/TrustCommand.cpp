// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli trust import FILE.pem --store PATH [--json]
// sohoa-cli trust list --store PATH [--json]
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/ExportFile.h"
#include "cli/OfficerOption.h"
#include "usecases/StoreAccess.h"
#include "usecases/TrustAnchorImport.h"

#include <QJsonArray>

namespace sohoa::cli {

namespace {

int listAnchors(CliContext& context, storage::Store& store)
{
    const auto anchors = usecases::StoreAccess::guarded([&] { return store.trustAnchors(); });
    QJsonArray list;
    for (const storage::TrustAnchorRecord& anchor : anchors) {
        const QString sha256 = QString::fromLatin1(anchor.sha256.toHex());
        const QString notAfter = anchor.notAfter.toString(Qt::ISODate);
        list.append(QJsonObject{{"subject", anchor.subject},
                                {"sha256", sha256},
                                {"not_after", notAfter},
                                {"added_by", anchor.addedBy}});
        if (!context.json())
            context.printLine(QStringLiteral("%1\t%2\t%3").arg(anchor.subject, notAfter, sha256));
    }
    if (context.json())
        context.printJson(QJsonObject{{"anchors", list}});
    return 0;
}

} // namespace

int runTrust(CliContext& context)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("store"), CliContext::tr("The encrypted store file."),
                      QStringLiteral("PATH")});
    parser.addOption(officerOption());
    parser.addOptions(CliContext::unlockOptions());
    parser.addPositionalArgument(QStringLiteral("ACTION"),
                                 CliContext::tr("import FILE.pem, or list."));
    context.parse(parser, QStringLiteral("trust"));
    const QStringList arguments = parser.positionalArguments();
    const QString action = arguments.value(0);
    if (!((action == QLatin1String("import") && arguments.size() == 2) ||
          (action == QLatin1String("list") && arguments.size() == 1)))
        CliContext::usageError(CliContext::tr("trust needs one of: import FILE.pem, list."));

    auto store = context.openStore(parser, CliContext::required(parser, QStringLiteral("store")));
    if (action == QLatin1String("list"))
        return listAnchors(context, *store);
    const int added = usecases::TrustAnchorImport::importPem(*store, readUserFile(arguments.at(1)),
                                                             officerId(parser));
    if (context.json())
        context.printJson(QJsonObject{{"added", added}});
    else
        context.printLine(CliContext::tr("%n new trust anchor(s) imported.", nullptr, added));
    return 0;
}

} // namespace sohoa::cli
