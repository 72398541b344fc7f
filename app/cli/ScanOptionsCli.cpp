// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ScanOptionsCli.h"

#include "cli/CliContext.h"

namespace sohoa::cli {

void addScanOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {QStringLiteral("device"), CliContext::tr("Scanner device (see sohoa-cli devices)."),
         QStringLiteral("NAME")},
        {QStringLiteral("source"), CliContext::tr("flatbed, adf or adf-duplex (default flatbed)."),
         QStringLiteral("SOURCE"), QStringLiteral("flatbed")},
        // Circular 05/2025: administrative papers are digitized at 200 dpi or more.
        {QStringLiteral("dpi"), CliContext::tr("Resolution in dots per inch (default 200)."),
         QStringLiteral("N"), QStringLiteral("200")},
        {QStringLiteral("mode"), CliContext::tr("color, gray or lineart (default color)."),
         QStringLiteral("MODE"), QStringLiteral("color")},
        {QStringLiteral("max-pages"),
         CliContext::tr("Stop a feeder batch after N pages (default: until empty)."),
         QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("set"), CliContext::tr("Set a device option by its own name."),
         QStringLiteral("OPTION=VALUE")},
    });
}

scanner::ScanOptions scanOptionsFrom(const QCommandLineParser& parser)
{
    scanner::ScanOptions options;
    const auto source = scanner::parseSource(parser.value(QStringLiteral("source")).toStdString());
    if (!source)
        CliContext::usageError(CliContext::tr("--source must be flatbed, adf or adf-duplex."));
    options.source = *source;
    const auto mode = scanner::parseColorMode(parser.value(QStringLiteral("mode")).toStdString());
    if (!mode)
        CliContext::usageError(CliContext::tr("--mode must be color, gray or lineart."));
    options.mode = *mode;
    bool ok = false;
    options.dpi = parser.value(QStringLiteral("dpi")).toDouble(&ok);
    if (!ok || options.dpi <= 0)
        CliContext::usageError(CliContext::tr("--dpi takes a positive number."));
    options.maxPages = parser.value(QStringLiteral("max-pages")).toInt(&ok);
    if (!ok || options.maxPages < 0)
        CliContext::usageError(CliContext::tr("--max-pages takes a number."));
    for (const QString& assignment : parser.values(QStringLiteral("set"))) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        if (equals <= 0)
            CliContext::usageError(
                CliContext::tr("--set takes OPTION=VALUE, not \"%1\".").arg(assignment));
        options.rawOptions.emplace_back(assignment.left(equals).toStdString(),
                                        assignment.mid(equals + 1).toStdString());
    }
    return options;
}

} // namespace sohoa::cli
