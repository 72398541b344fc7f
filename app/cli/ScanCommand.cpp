// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli scan --device NAME [--profile ID [--store PATH]] [scan options] [--manual-duplex]
//               --out-dir DIR
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/ExportFile.h"
#include "cli/ScanOptionsCli.h"
#include "cli/ScanPrompts.h"
#include "domain/UserError.h"
#include "usecases/PageScanner.h"

#include <QBuffer>
#include <QDir>
#include <QJsonArray>
#include <map>

namespace sohoa::cli {

namespace {
// Writes pages as PNG files named by their place in the document, as they arrive.
class PageFiles
{
public:
    PageFiles(CliContext& context, QString dir) : context_(context), dir_(std::move(dir)) {}

    void write(const usecases::CapturedPage& page, int position, const QString& side)
    {
        const QString path = QDir(dir_).filePath(
            QStringLiteral("page-%1.png").arg(position, 4, 10, QLatin1Char('0')));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        page.image.save(&buffer, "PNG");
        writeExportFile(path, png);
        written_[position] = QJsonObject{{"path", path}, {"side", side}};
        if (!context_.json())
            context_.printLine(path);
    }

    QJsonArray list() const
    {
        QJsonArray out;
        for (const auto& [position, page] : written_)
            out.append(page);
        return out;
    }

private:
    CliContext& context_;
    QString dir_;
    std::map<int, QJsonObject> written_; // by position: the document's order
};

} // namespace

int runScan(CliContext& context)
{
    QCommandLineParser parser;
    addScanOptions(parser);
    const QCommandLineOption outDirOption(QStringLiteral("out-dir"),
                                          CliContext::tr("Write each page as a PNG file into DIR."),
                                          QStringLiteral("DIR"));
    const QCommandLineOption manualDuplexOption(
        QStringLiteral("manual-duplex"),
        CliContext::tr("Both sides on a simplex feeder: scan the fronts, turn the stack over when "
                       "asked, scan the backs; pages come out in document order."));
    const QCommandLineOption storeOption(
        QStringLiteral("store"),
        CliContext::tr("Take the profiles (and their lock) from this encrypted store; without "
                       "it, the built-in profiles."),
        QStringLiteral("PATH"));
    parser.addOptions({outDirOption, manualDuplexOption, storeOption});
    parser.addOptions(CliContext::unlockOptions());
    context.parse(parser, QStringLiteral("scan"));
    const QString device = CliContext::required(parser, QStringLiteral("device"));
    const QString outDir = CliContext::required(parser, QStringLiteral("out-dir"));
    scanner::ScanOptions options;
    if (parser.isSet(storeOption))
        // Closed again before scanning: only the profiles are read.
        options =
            scanOptionsFrom(parser, context.openStore(parser, parser.value(storeOption)).get());
    else
        options = scanOptionsFrom(parser);
    if (!QDir().mkpath(outDir))
        throw UserError(ErrorKind::InvalidInput,
                        CliContext::tr("Cannot create the folder %1.").arg(outDir));

    PageFiles files(context, outDir);
    usecases::PageScanner scanner;
    try {
        if (parser.isSet(manualDuplexOption)) {
            scanner.scanManualDuplex(
                device, options, [&] { askToTurnStack(context); },
                [&](usecases::CapturedPage&& page, int position, usecases::PageScanner::Side side) {
                    files.write(page, position,
                                side == usecases::PageScanner::Side::Front
                                    ? QStringLiteral("front")
                                    : QStringLiteral("back"));
                });
        } else {
            int pageNumber = 0;
            scanner.scan(device, options, [&](usecases::CapturedPage&& page) {
                files.write(page, ++pageNumber, QStringLiteral("front"));
            });
        }
    } catch (const UserError& error) {
        // The pages scanned before the fault are on disk; say so, then report the fault.
        if (context.json())
            context.printJson(QJsonObject{{"pages", files.list()}, {"error", error.message()}});
        throw;
    }
    if (context.json())
        context.printJson(QJsonObject{{"pages", files.list()}});
    return 0;
}

} // namespace sohoa::cli
