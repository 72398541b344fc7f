// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli ocr INPUT... --out FILE.pdf [--text FILE.txt] [--lang vie] [--jobs N]
// [--jpeg-quality Q]
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/ExportFile.h"
#include "usecases/RecognizeFiles.h"

#include <QFileInfo>

namespace sohoa::cli {

int runOcr(CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       CliContext::tr("Write the searchable PDF to FILE."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption textOption(QStringLiteral("text"),
                                        CliContext::tr("Also write the recognized text to FILE."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        CliContext::tr("OCR languages (default vie)."),
                                        QStringLiteral("LANG"), QStringLiteral("vie"));
    const QCommandLineOption jobsOption(QStringLiteral("jobs"),
                                        CliContext::tr("OCR worker threads (default: cores)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption qualityOption(
        QStringLiteral("jpeg-quality"),
        CliContext::tr("JPEG quality of colour and grey page images, 1-100 (default %1).")
            .arg(pdf::PdfImageOptions{}.jpegQuality),
        QStringLiteral("Q"), QString::number(pdf::PdfImageOptions{}.jpegQuality));
    parser.addOptions({outOption, textOption, langOption, jobsOption, qualityOption});
    parser.addPositionalArgument(QStringLiteral("INPUT"),
                                 CliContext::tr("PNG, JPEG, TIFF, PNM or PDF files."));
    context.parse(parser, QStringLiteral("ocr"));

    const QStringList inputs = parser.positionalArguments();
    if (inputs.isEmpty())
        CliContext::usageError(CliContext::tr("ocr needs at least one input file."));
    const QString out = CliContext::required(parser, QStringLiteral("out"));
    bool jobsOk = false;
    const int jobs = parser.value(jobsOption).toInt(&jobsOk);
    if (!jobsOk || jobs < 0)
        CliContext::usageError(CliContext::tr("--jobs takes a number."));

    bool qualityOk = false;
    const int quality = parser.value(qualityOption).toInt(&qualityOk);
    if (!qualityOk || quality < 1 || quality > 100)
        CliContext::usageError(CliContext::tr("--jpeg-quality takes a number from 1 to 100."));

    usecases::RecognizeFilesRequest request;
    request.image.jpegQuality = quality;
    request.inputs = inputs;
    request.ocr.languages = parser.value(langOption);
    request.jobs = jobs;
    request.metadata.title = QFileInfo(out).completeBaseName();
    request.metadata.producer = QStringLiteral("SoHoa %1").arg(QStringLiteral(SOHOA_VERSION));
    const usecases::RecognizedDocument document = usecases::recognizeFiles(request);

    writeExportFile(out, document.pdf);
    if (parser.isSet(textOption))
        writeExportFile(parser.value(textOption), document.plainText().toUtf8());
    if (context.json()) {
        context.printJson(QJsonObject{{"out", out},
                                      {"pages", static_cast<int>(document.pageTexts.size())},
                                      {"text", document.plainText()}});
    } else {
        context.printLine(
            CliContext::tr("Wrote %1 (%2 pages).").arg(out).arg(document.pageTexts.size()));
    }
    return 0;
}

} // namespace sohoa::cli
