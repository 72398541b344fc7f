// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli extract INPUT... [--cross-check] [--lang vie] [--json]
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "usecases/ExtractIdentity.h"

#include <QJsonArray>

namespace sohoa::cli {

namespace {

QJsonObject fieldJson(const identity::ExtractedField& field)
{
    return QJsonObject{
        {"value", field.value},
        {"source", identity::fieldSourceName(field.source)},
        {"confidence", std::round(field.confidence * 1000) / 1000},
        {"box", QJsonArray{field.box.x(), field.box.y(), field.box.width(), field.box.height()}}};
}

QJsonObject pageJson(const usecases::ExtractedPage& page)
{
    QJsonObject fields;
    for (const auto& [kind, field] : page.fields.fields)
        fields.insert(identity::fieldName(kind), fieldJson(field));
    QJsonArray disagreements;
    for (const identity::Disagreement& disagreement : page.fields.disagreements)
        disagreements.append(QJsonObject{{"field", identity::fieldName(disagreement.field)},
                                         {"qr", disagreement.qrValue},
                                         {"ocr", disagreement.ocrValue}});
    return QJsonObject{{"input", page.input},
                       {"page", page.page},
                       {"fields", fields},
                       {"disagreements", disagreements},
                       {"notes", QJsonArray::fromStringList(page.fields.notes)}};
}

void printPage(const CliContext& context, const usecases::ExtractedPage& page, bool heading)
{
    if (heading)
        context.printLine(CliContext::tr("# %1, page %2").arg(page.input).arg(page.page));
    for (const auto& [kind, field] : page.fields.fields)
        context.printLine(QStringLiteral("%1\t%2\t%3")
                              .arg(identity::fieldName(kind), field.value,
                                   identity::fieldSourceName(field.source)));
    for (const identity::Disagreement& disagreement : page.fields.disagreements)
        context.printLine(CliContext::tr("Disagreement on %1: QR code \"%2\", printed text \"%3\"")
                              .arg(identity::fieldName(disagreement.field), disagreement.qrValue,
                                   disagreement.ocrValue));
    for (const QString& note : page.fields.notes)
        context.printLine(CliContext::tr("Note: %1").arg(note));
}

} // namespace

int runExtract(CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption crossCheckOption(
        QStringLiteral("cross-check"),
        CliContext::tr("Also read the printed text when the QR code was read, and report where "
                       "the two disagree (slower)."));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        CliContext::tr("OCR languages (default vie)."),
                                        QStringLiteral("LANG"), QStringLiteral("vie"));
    parser.addOptions({crossCheckOption, langOption});
    parser.addPositionalArgument(
        QStringLiteral("INPUT"),
        CliContext::tr("Scans of identity papers: PNG, JPEG, TIFF, PNM or PDF files."));
    context.parse(parser, QStringLiteral("extract"));

    const QStringList inputs = parser.positionalArguments();
    if (inputs.isEmpty())
        CliContext::usageError(CliContext::tr("extract needs at least one input file."));

    usecases::ExtractIdentityRequest request;
    request.inputs = inputs;
    request.options.crossCheck = parser.isSet(crossCheckOption);
    request.options.ocr.languages = parser.value(langOption);
    const std::vector<usecases::ExtractedPage> pages = usecases::extractIdentity(request);

    if (context.json()) {
        QJsonArray documents;
        for (const usecases::ExtractedPage& page : pages)
            documents.append(pageJson(page));
        context.printJson(QJsonObject{{"documents", documents}});
    } else {
        for (const usecases::ExtractedPage& page : pages)
            printPage(context, page, pages.size() > 1);
    }
    return 0;
}

} // namespace sohoa::cli
