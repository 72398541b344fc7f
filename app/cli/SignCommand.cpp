// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli sign IN.pdf --out OUT.pdf [signing options] [--store PATH] [--json]
// sohoa-cli sign --store PATH --dossier CODE [signing options] [--json]
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/ExportFile.h"
#include "cli/SigningOptions.h"
#include "cli/TimestampQueueReport.h"
#include "domain/DossierLifecycle.h"
#include "domain/UserError.h"
#include "usecases/AwaitingTimestamps.h"
#include "usecases/SignDossier.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <optional>

namespace sohoa::cli {

namespace {

int signFile(CliContext& context, const QString& input, const QString& output,
             const usecases::PdfSigner& signer)
{
    const usecases::SignedPdf signedPdf =
        signer.sign(readUserFile(input), QFileInfo(input).fileName());
    writeExportFile(output, signedPdf.pdf);
    if (context.json()) {
        context.printJson(QJsonObject{{"output", output},
                                      {"field", signedPdf.fieldName},
                                      {"signer", signedPdf.signerName},
                                      {"signed_at", signedPdf.signedAt.toString(Qt::ISODate)},
                                      {"level", signedPdf.level},
                                      {"timestamp", signedPdf.timestampStatus},
                                      {"test_signature", signedPdf.testSignature}});
        return 0;
    }
    context.printLine(
        CliContext::tr("Signed %1 (%2, %3).").arg(output, signedPdf.level, signedPdf.signerName));
    if (signedPdf.timestampStatus == QLatin1String("awaiting"))
        context.printLine(CliContext::tr("The time-stamp server could not be reached (%1): the "
                                         "file is signed without a time-stamp.")
                              .arg(signedPdf.offlineReason));
    return 0;
}

// The TSA answered this batch, so the network is back: finish what earlier offline batches
// left awaiting.
std::optional<usecases::TimestampQueueResult>
drainQueueWhenOnline(storage::Store& store, const QUrl& tsa,
                     const usecases::DossierSigningResult& batch)
{
    if (tsa.isEmpty() || !batch.awaitingTimestamp.isEmpty() ||
        usecases::AwaitingTimestamps::count(store) == 0)
        return std::nullopt;
    return usecases::AwaitingTimestamps::drain(store, signing::TimestampClient(tsa),
                                               store.unlockedSlot());
}

int signDossier(CliContext& context, storage::Store& store, const QString& code,
                const usecases::PdfSigner& signer, const QUrl& tsa)
{
    const auto progress = [&](int done, int total, const QString& fileName) {
        if (!context.json())
            CliContext::printError(
                CliContext::tr("Signing %1 (%2/%3)").arg(fileName).arg(done + 1).arg(total));
        return true;
    };
    const usecases::DossierSigningResult result =
        usecases::SignDossier::run(store, code, signer, store.unlockedSlot(), progress);
    const auto queue = drainQueueWhenOnline(store, tsa, result);
    if (context.json()) {
        QJsonObject json{
            {"dossier", code},
            {"signed", QJsonArray::fromStringList(result.signedFiles)},
            {"awaiting_timestamp", QJsonArray::fromStringList(result.awaitingTimestamp)},
            {"test_signature", result.testSignature},
            {"state", result.state}};
        if (queue)
            json.insert(QStringLiteral("timestamp_queue"), timestampQueueJson(*queue));
        context.printJson(json);
        return 0;
    }
    context.printLine(CliContext::tr("Signed %n document(s) of dossier %1.", nullptr,
                                     static_cast<int>(result.signedFiles.size()))
                          .arg(code));
    if (const auto state = domain::DossierLifecycle::stateFromString(result.state))
        context.printLine(CliContext::tr("The dossier is now \"%1\".")
                              .arg(domain::DossierLifecycle::displayName(*state)));
    if (queue)
        printTimestampQueue(context, *queue);
    return 0;
}

} // namespace

int runSign(CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       CliContext::tr("Where to write the signed PDF."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption storeOption(
        QStringLiteral("store"),
        CliContext::tr("The encrypted store (for --dossier, and for the demo key)."),
        QStringLiteral("PATH"));
    const QCommandLineOption dossierOption(
        QStringLiteral("dossier"),
        CliContext::tr("Sign every digitized document of this dossier, with one PIN entry."),
        QStringLiteral("CODE"));
    const SigningOptions signing;
    parser.addOptions({outOption, storeOption, dossierOption});
    parser.addOptions(signing.all());
    parser.addOptions(CliContext::unlockOptions());
    parser.addPositionalArgument(QStringLiteral("IN"), CliContext::tr("The PDF to sign."));
    context.parse(parser, QStringLiteral("sign"));

    const QStringList inputs = parser.positionalArguments();
    const bool dossier = parser.isSet(dossierOption);
    if (dossier == (inputs.size() == 1) || inputs.size() > 1)
        CliContext::usageError(CliContext::tr("sign needs either one PDF file with --out, or "
                                              "--store and --dossier."));
    if (!dossier && !parser.isSet(outOption))
        CliContext::usageError(CliContext::tr("sign needs --out FILE for the signed PDF."));

    std::unique_ptr<storage::Store> store;
    if (parser.isSet(storeOption) || dossier)
        store =
            context.openStore(parser, CliContext::required(parser, storeOption.names().front()));
    const QString officer = store ? store->unlockedSlot() : QString();
    const auto signer = signing.signer(parser, store.get(), officer);
    const usecases::SigningSettings settings = signing.settings(parser, store.get());
    const usecases::PdfSigner pdfSigner(*signer, settings);
    if (dossier)
        return signDossier(context, *store, parser.value(dossierOption), pdfSigner,
                           settings.timestampServer);
    return signFile(context, inputs.front(), parser.value(outOption), pdfSigner);
}

} // namespace sohoa::cli
