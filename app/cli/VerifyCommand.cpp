// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli verify FILE.pdf [--trust ANCHORS.pem]... [--store PATH] [--json] [--online]
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/ExportFile.h"
#include "domain/UserError.h"
#include "signing/PdfSignatureReportJson.h"
#include "signing/PdfSignatureVerifier.h"
#include "signing/TrustAnchors.h"
#include "usecases/TrustAnchorImport.h"

#include <QFile>
#include <QFileInfo>

namespace sohoa::cli {

int runVerify(CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption trustOption(
        QStringLiteral("trust"),
        CliContext::tr("PEM file of root or intermediate certificates to trust (repeatable); "
                       "Vietnamese root CAs are in no common trust store."),
        QStringLiteral("FILE"));
    const QCommandLineOption storeOption(
        QStringLiteral("store"),
        CliContext::tr("Also trust the anchors imported into this store (sohoa-cli trust)."),
        QStringLiteral("PATH"));
    const QCommandLineOption onlineOption(
        QStringLiteral("online"),
        CliContext::tr("Also ask the certificate authorities (OCSP, else CRL) whether the "
                       "signers' certificates were revoked; needs the network."));
    parser.addOptions({trustOption, storeOption, onlineOption});
    parser.addOptions(CliContext::unlockOptions());
    parser.addPositionalArgument(QStringLiteral("FILE"), CliContext::tr("The signed PDF."));
    context.parse(parser, QStringLiteral("verify"));
    if (parser.positionalArguments().size() != 1)
        CliContext::usageError(CliContext::tr("verify needs exactly one PDF file."));

    QList<QByteArray> anchors;
    for (const QString& path : parser.values(trustOption))
        anchors.append(signing::TrustAnchors::fromPem(readUserFile(path)));
    if (parser.isSet(storeOption))
        anchors.append(usecases::TrustAnchorImport::anchorsOf(
            *context.openStore(parser, parser.value(storeOption))));
    const QString path = parser.positionalArguments().front();
    signing::VerificationOptions options;
    options.checkRevocation = parser.isSet(onlineOption);
    const signing::DocumentSignatureReport report =
        signing::PdfSignatureVerifier(anchors, options)
            .verify(readUserFile(path), QFileInfo(path).fileName());

    if (context.json()) {
        context.printJson(signing::toJson(report));
    } else {
        for (const signing::SignatureReport& signature : report.signatures)
            context.printLine(QStringLiteral("%1: %2").arg(signature.fieldName, signature.message));
        context.printLine(report.message);
    }
    // Scripts need no parsing: 0 only when every signature holds (or there is none).
    const bool holds = report.verdict == signing::DocumentVerdict::Valid ||
                       report.verdict == signing::DocumentVerdict::Unsigned;
    return holds ? 0 : 1;
}

} // namespace sohoa::cli
