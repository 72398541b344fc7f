// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli digitize --store PATH (--device NAME [scan options] | --input FILE...)
//                    --procedure CODE --component CODE --applicant-id ID [--json]
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/OfficerOption.h"
#include "cli/ScanOptionsCli.h"
#include "cli/ScanPrompts.h"
#include "cli/SigningOptions.h"
#include "domain/UserError.h"
#include "usecases/ActiveCatalogue.h"
#include "usecases/DigitizeDossier.h"
#include "usecases/SignDossier.h"

#include <QJsonArray>

namespace sohoa::cli {

int runDigitize(CliContext& context)
{
    QCommandLineParser parser;
    addScanOptions(parser);
    parser.addOptions({
        {QStringLiteral("store"), CliContext::tr("The encrypted store file."),
         QStringLiteral("PATH")},
        {QStringLiteral("input"), CliContext::tr("Import pages from FILE instead of scanning."),
         QStringLiteral("FILE")},
        {QStringLiteral("procedure"), CliContext::tr("Procedure code, e.g. 1.001193."),
         QStringLiteral("CODE")},
        {QStringLiteral("component"),
         CliContext::tr("Component code of the procedure, or one of its result codes."),
         QStringLiteral("CODE")},
        {QStringLiteral("applicant-id"),
         CliContext::tr("Applicant's 12-digit personal ID, tax code or passport number."),
         QStringLiteral("ID")},
        {QStringLiteral("applicant-name"), CliContext::tr("Applicant's full name."),
         QStringLiteral("NAME")},
        {QStringLiteral("lang"), CliContext::tr("OCR languages (default vie)."),
         QStringLiteral("LANG"), QStringLiteral("vie")},
        {QStringLiteral("jobs"), CliContext::tr("OCR worker threads (default: cores)."),
         QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("manual-duplex"),
         CliContext::tr("Both sides on a simplex feeder: scan the fronts, turn the stack over "
                        "when asked, scan the backs.")},
        {QStringLiteral("more-sheets"),
         CliContext::tr("After each scanner pass, ask for more sheets (a thick dossier through "
                        "a small feeder, or page after page on the glass); a jam can be cleared "
                        "and the batch continued.")},
        {QStringLiteral("keep-searchable"),
         CliContext::tr("Keep an imported PDF whose every page already has text as it is, "
                        "instead of rendering and recognizing it again.")},
        officerOption(),
    });
    const QCommandLineOption signOption(
        QStringLiteral("sign"),
        CliContext::tr("Sign the digitized PDF as the last step (see sohoa-cli sign for the "
                       "token options)."));
    const SigningOptions signing;
    parser.addOption(signOption);
    parser.addOptions(signing.all());
    parser.addOptions(CliContext::unlockOptions());
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 CliContext::tr("More input files (with --input)."));
    context.parse(parser, QStringLiteral("digitize"));

    usecases::DigitizeRequest request;
    request.procedureCode = CliContext::required(parser, QStringLiteral("procedure"));
    request.componentCode = CliContext::required(parser, QStringLiteral("component"));
    request.applicantId = CliContext::required(parser, QStringLiteral("applicant-id"));
    request.applicantName = parser.value(QStringLiteral("applicant-name"));
    request.officerId = officerId(parser);
    request.deviceId = parser.value(QStringLiteral("device"));
    request.inputFiles = parser.values(QStringLiteral("input"));
    if (!request.inputFiles.isEmpty())
        request.inputFiles += parser.positionalArguments();
    if (request.deviceId.isEmpty() == request.inputFiles.isEmpty())
        CliContext::usageError(CliContext::tr("Give either --device or --input."));
    if (parser.isSet(QStringLiteral("keep-searchable")))
        request.searchablePdfs = usecases::SearchablePdfs::Keep;
    request.manualDuplex = parser.isSet(QStringLiteral("manual-duplex"));
    request.turnStack = [&context] { askToTurnStack(context); };
    if (parser.isSet(QStringLiteral("more-sheets")))
        request.nextPass = [&context](const QString& problem) {
            return askForMoreSheets(context, problem);
        };
    request.ocr.languages = parser.value(QStringLiteral("lang"));
    bool jobsOk = false;
    request.ocrJobs = parser.value(QStringLiteral("jobs")).toInt(&jobsOk);
    if (!jobsOk || request.ocrJobs < 0)
        CliContext::usageError(CliContext::tr("--jobs takes a number."));

    const QString storePath = CliContext::required(parser, QStringLiteral("store"));
    auto store = context.openStore(parser, storePath);
    // The profile (the store's, with its lock) decides the scan, the cleaning and the JPEG
    // quality; explicit flags go on top.
    const usecases::EffectiveScan scan = scanFrom(parser, store.get());
    request.scanOptions = scan.options;
    request.cleanup = scan.cleaning;
    request.imageOptions = scan.image;
    // The token is opened (and its PIN asked) before scanning: a wrong PIN must not cost the
    // officer a scanned batch.
    std::unique_ptr<signing::DigestSigner> signer;
    if (parser.isSet(signOption))
        signer = signing.signer(parser, store.get(), request.officerId);
    const domain::Catalogue catalogue = usecases::ActiveCatalogue::of(*store);
    const usecases::DigitizeResult result =
        usecases::DigitizeDossier::run(*store, catalogue, request);
    usecases::DossierSigningResult signedDocuments;
    if (signer && !result.documentFileName.isEmpty())
        signedDocuments = usecases::SignDossier::run(
            *store, result.dossierCode,
            usecases::PdfSigner(*signer, signing.settings(parser, store.get())), request.officerId);

    // Printed only now: the dossier is committed.
    if (context.json()) {
        QJsonArray blankPages;
        for (const int position : result.blankPages)
            blankPages.append(position);
        QJsonObject out{
            {"dossier_code", result.dossierCode},
            {"code_provisional", result.codeProvisional},
            {"pages", result.pageCount},
            {"blank_pages", blankPages},
            {"document", result.documentFileName},
            {"kept_documents", QJsonArray::fromStringList(result.keptDocuments)},
            {"test_data", result.testData || signedDocuments.testSignature},
            {"signed", QJsonArray::fromStringList(signedDocuments.signedFiles)},
            {"awaiting_timestamp", QJsonArray::fromStringList(signedDocuments.awaitingTimestamp)}};
        QJsonArray signatureChecks;
        for (const usecases::KeptSignatureCheck& check : result.signatureChecks)
            signatureChecks.append(QJsonObject{
                {"file", check.fileName}, {"verdict", check.verdict}, {"message", check.message}});
        out.insert(QStringLiteral("kept_signatures"), signatureChecks);
        if (!result.interruption.isEmpty())
            out.insert(QStringLiteral("interrupted"), result.interruption);
        context.printJson(out);
    } else {
        context.printLine(result.dossierCode);
        if (result.codeProvisional)
            context.printError(CliContext::tr(
                "Provisional code (Mã tạm): no reserved dossier number was left. Mark the "
                "citizen's receipt as provisional; the next sync assigns the definitive code."));
        for (const usecases::KeptSignatureCheck& check : result.signatureChecks)
            context.printLine(QStringLiteral("%1: %2").arg(check.fileName, check.message));
        if (!result.blankPages.empty()) {
            QStringList positions;
            for (const int position : result.blankPages)
                positions << QString::number(position);
            context.printError(CliContext::tr("Pages that look blank (kept, check them): %1")
                                   .arg(positions.join(QStringLiteral(", "))));
        }
    }
    if (!result.interruption.isEmpty())
        throw UserError(ErrorKind::Device,
                        result.interruption + QLatin1Char(' ') +
                            CliContext::tr("The %n page(s) scanned before it are saved in dossier "
                                           "%1.",
                                           nullptr, result.pageCount)
                                .arg(result.dossierCode));
    return 0;
}

} // namespace sohoa::cli
