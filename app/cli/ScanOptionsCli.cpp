// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ScanOptionsCli.h"

#include "cli/CliContext.h"
#include "usecases/ScanProfileBuiltIns.h"
#include "usecases/ScanProfileRepository.h"

namespace sohoa::cli {

// No defaults on --source, --dpi and --mode: isSet() must tell a typed flag from the profile's.
void addScanOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {QStringLiteral("device"), CliContext::tr("Scanner device (see sohoa-cli devices)."),
         QStringLiteral("NAME")},
        {QStringLiteral("profile"),
         CliContext::tr("Scan profile (see sohoa-cli profile list; default %1).")
             .arg(usecases::ScanProfileBuiltIns::defaultId()),
         QStringLiteral("ID")},
        {QStringLiteral("source"),
         CliContext::tr("flatbed, adf or adf-duplex (default: the profile's)."),
         QStringLiteral("SOURCE")},
        // Circular 05/2025: administrative papers are digitized at 200 dpi or more.
        {QStringLiteral("dpi"),
         CliContext::tr("Resolution in dots per inch (default: the profile's, 200 for papers)."),
         QStringLiteral("N")},
        {QStringLiteral("mode"),
         CliContext::tr("color, gray or lineart (default: the profile's, color)."),
         QStringLiteral("MODE")},
        {QStringLiteral("max-pages"),
         CliContext::tr("Stop a feeder batch after N pages (default: until empty)."),
         QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("set"), CliContext::tr("Set a device option by its own name."),
         QStringLiteral("OPTION=VALUE")},
    });
}

// Unqualified in the definition: lupdate takes a qualified return type for a class scope.
using usecases::EffectiveScan;

EffectiveScan scanFrom(const QCommandLineParser& parser, storage::Store* store)
{
    usecases::ScanOverrides overrides;
    if (parser.isSet(QStringLiteral("source"))) {
        overrides.source =
            scanner::parseSource(parser.value(QStringLiteral("source")).toStdString());
        if (!overrides.source)
            CliContext::usageError(CliContext::tr("--source must be flatbed, adf or adf-duplex."));
    }
    if (parser.isSet(QStringLiteral("mode"))) {
        overrides.mode =
            scanner::parseColorMode(parser.value(QStringLiteral("mode")).toStdString());
        if (!overrides.mode)
            CliContext::usageError(CliContext::tr("--mode must be color, gray or lineart."));
    }
    bool ok = false;
    if (parser.isSet(QStringLiteral("dpi"))) {
        overrides.dpi = parser.value(QStringLiteral("dpi")).toDouble(&ok);
        if (!ok || *overrides.dpi <= 0)
            CliContext::usageError(CliContext::tr("--dpi takes a positive number."));
    }
    overrides.maxPages = parser.value(QStringLiteral("max-pages")).toInt(&ok);
    if (!ok || overrides.maxPages < 0)
        CliContext::usageError(CliContext::tr("--max-pages takes a number."));
    for (const QString& assignment : parser.values(QStringLiteral("set"))) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        if (equals <= 0)
            CliContext::usageError(
                CliContext::tr("--set takes OPTION=VALUE, not \"%1\".").arg(assignment));
        overrides.rawOptions.emplace_back(assignment.left(equals).toStdString(),
                                          assignment.mid(equals + 1).toStdString());
    }

    const QString id = parser.isSet(QStringLiteral("profile"))
                           ? parser.value(QStringLiteral("profile"))
                           : usecases::ScanProfileBuiltIns::defaultId();
    const usecases::ScanProfile profile = usecases::ScanProfileRepository::find(store, id);
    const bool locked = store != nullptr && usecases::ScanProfileRepository::isLocked(*store) &&
                        !usecases::ScanProfileRepository::isAdministrator(*store);
    usecases::EffectiveScan scan =
        usecases::ScanProfileCompliance::apply(profile, overrides, locked);
    // Importing files scans nothing: no warning then.
    if (parser.isSet(QStringLiteral("device")))
        for (const QString& warning : scan.warnings)
            CliContext::printError(warning);
    return scan;
}

scanner::ScanOptions scanOptionsFrom(const QCommandLineParser& parser, storage::Store* store)
{
    return scanFrom(parser, store).options;
}

} // namespace sohoa::cli
