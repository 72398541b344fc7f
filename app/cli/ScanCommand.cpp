// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli scan --device NAME [scan options] --out-dir DIR
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/ExportFile.h"
#include "cli/ScanOptionsCli.h"
#include "domain/UserError.h"
#include "usecases/PageScanner.h"

#include <QBuffer>
#include <QDir>
#include <QJsonArray>

namespace sohoa::cli {

int runScan(CliContext& context)
{
    QCommandLineParser parser;
    addScanOptions(parser);
    const QCommandLineOption outDirOption(QStringLiteral("out-dir"),
                                          CliContext::tr("Write each page as a PNG file into DIR."),
                                          QStringLiteral("DIR"));
    parser.addOption(outDirOption);
    context.parse(parser, QStringLiteral("scan"));
    const QString device = CliContext::required(parser, QStringLiteral("device"));
    const QString outDir = CliContext::required(parser, QStringLiteral("out-dir"));
    const scanner::ScanOptions options = scanOptionsFrom(parser);
    if (!QDir().mkpath(outDir))
        throw UserError(ErrorKind::InvalidInput,
                        CliContext::tr("Cannot create the folder %1.").arg(outDir));

    QJsonArray written;
    int pageNumber = 0;
    usecases::PageScanner scanner;
    try {
        scanner.scan(device, options, [&](usecases::CapturedPage&& page) {
            const QString path = QDir(outDir).filePath(
                QStringLiteral("page-%1.png").arg(++pageNumber, 4, 10, QLatin1Char('0')));
            QByteArray png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            page.image.save(&buffer, "PNG");
            writeExportFile(path, png);
            written.append(path);
            if (!context.json())
                context.printLine(path);
        });
    } catch (const UserError& error) {
        // The pages scanned before the fault are on disk; say so, then report the fault.
        if (context.json())
            context.printJson(QJsonObject{{"pages", written}, {"error", error.message()}});
        throw;
    }
    if (context.json())
        context.printJson(QJsonObject{{"pages", written}});
    return 0;
}

} // namespace sohoa::cli
