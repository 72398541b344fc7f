// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli devices [--json]
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "usecases/PageScanner.h"

#include <QJsonArray>

namespace sohoa::cli {

int runDevices(CliContext& context)
{
    QCommandLineParser parser;
    context.parse(parser, QStringLiteral("devices"));
    usecases::PageScanner scanner;
    const auto devices = scanner.devices();
    if (context.json()) {
        QJsonArray array;
        for (const auto& d : devices)
            array.append(QJsonObject{{"id", QString::fromStdString(d.id)},
                                     {"vendor", QString::fromStdString(d.vendor)},
                                     {"model", QString::fromStdString(d.model)},
                                     {"type", QString::fromStdString(d.type)},
                                     {"driver", QString::fromStdString(d.driver)}});
        context.printJson(QJsonObject{{"devices", array}});
    } else {
        for (const auto& d : devices)
            context.printLine(
                QStringLiteral("%1\t%2 %3 (%4)")
                    .arg(QString::fromStdString(d.id), QString::fromStdString(d.vendor),
                         QString::fromStdString(d.model), QString::fromStdString(d.type)));
        if (devices.empty())
            context.printLine(CliContext::tr("No scanner found."));
    }
    return 0;
}

} // namespace sohoa::cli
