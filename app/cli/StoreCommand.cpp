// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli store ACTION --store PATH (init, queries and export here; key, retention and
// settings actions in their own files)
#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/ExportFile.h"
#include "cli/OfficerOption.h"
#include "cli/StoreKeyCommands.h"
#include "cli/StoreRetentionCommands.h"
#include "cli/StoreSettingsCommands.h"
#include "domain/UserError.h"
#include "usecases/DossierQueries.h"
#include "usecases/ExportDocuments.h"
#include "usecases/StoreAccess.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

namespace sohoa::cli {

namespace {
// The demo agency of a fresh install (Hà Nội's provincial People's Committee form); real
// installs receive their agency code from the provincial hub at enrolment.
constexpr auto kDefaultAgency = "000.00.00.H26";

QJsonObject summaryJson(const storage::DossierSummary& s)
{
    return QJsonObject{{"dossier_code", s.code},
                       {"applicant_name", s.applicantName},
                       {"applicant_id", s.applicantIdentifier},
                       {"procedure_code", s.procedureCode},
                       {"procedure_name", s.procedureName},
                       {"state", s.state},
                       {"national_status", s.nationalStatus},
                       {"pages", s.pageCount},
                       {"received_at", s.receivedAt.toString(Qt::ISODate)},
                       {"test_data", s.testData},
                       {"code_provisional", s.codeProvisional},
                       {"former_provisional_code", s.formerProvisionalCode}};
}

// The list's marker for a code the citizen's receipt may show wrongly.
QString codeNote(bool provisional, const QString& formerProvisionalCode)
{
    if (provisional)
        return CliContext::tr("provisional code");
    if (!formerProvisionalCode.isEmpty())
        return CliContext::tr("was %1: reprint the receipt").arg(formerProvisionalCode);
    return {};
}

QJsonObject detailJson(const usecases::DossierView& view)
{
    const storage::DossierRecord& d = view.detail.dossier;
    QJsonArray components;
    for (const storage::ComponentDetail& c : view.detail.components) {
        QJsonArray pages;
        for (const storage::PageRecord& p : c.pages)
            pages.append(QJsonObject{
                {"sequence", p.sequence},
                {"width", p.width},
                {"height", p.height},
                {"dpi", p.dpi},
                {"color_depth", p.colorDepth},
                {"source", p.source},
                {"transforms", QJsonDocument::fromJson(p.transformsJson.toUtf8()).array()},
                {"blank", p.blank},
                {"blank_score", p.blankScore},
                {"ocr_text", p.ocrText}});
        QJsonArray documents;
        for (const storage::DocumentRecord& doc : c.documents) {
            QJsonObject document{{"file_name", doc.fileName}, {"kind", doc.kind}};
            if (!doc.signatureVerdict.isEmpty()) {
                document.insert(QStringLiteral("signature_verdict"), doc.signatureVerdict);
                document.insert(QStringLiteral("signature_message"), doc.signatureMessage);
                document.insert(QStringLiteral("verified_at"),
                                doc.verifiedAt.toString(Qt::ISODate));
            }
            documents.append(document);
        }
        components.append(QJsonObject{{"code", c.component.code},
                                      {"name", c.component.name},
                                      {"is_result", c.component.isResult},
                                      {"digitized", c.component.digitized},
                                      {"reused", c.component.reused},
                                      {"pages", pages},
                                      {"documents", documents}});
    }
    QJsonArray history;
    for (const storage::EventRecord& e : view.history)
        history.append(QJsonObject{{"at", e.at.toString(Qt::ISODate)},
                                   {"officer", e.officerId},
                                   {"action", e.action},
                                   {"detail", e.detail}});
    return QJsonObject{{"dossier_code", d.code},
                       {"uuid", d.uuid},
                       {"agency_code", d.agencyCode},
                       {"procedure_code", d.procedureCode},
                       {"procedure_name", d.procedureName},
                       {"applicant_id", d.applicantIdentifier},
                       {"applicant_name", d.applicantName},
                       {"channel", d.channel},
                       {"state", d.state},
                       {"national_status", d.nationalStatus},
                       {"received_at", d.receivedAt.toString(Qt::ISODate)},
                       {"due_at", d.dueAt.toString(Qt::ISODate)},
                       {"test_data", d.testData},
                       {"code_provisional", d.codeProvisional},
                       {"former_provisional_code", d.formerProvisionalCode},
                       {"version", d.version},
                       {"sync_conflict", d.syncConflict},
                       {"components", components},
                       {"history", history}};
}
} // namespace

int runStore(CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption storeOption(QStringLiteral("store"),
                                         CliContext::tr("The encrypted store file."),
                                         QStringLiteral("PATH"));
    const QCommandLineOption agencyOption(
        QStringLiteral("agency"),
        CliContext::tr("init: the agency code of this counter (default %1).").arg(kDefaultAgency),
        QStringLiteral("CODE"), QString::fromLatin1(kDefaultAgency));
    const QCommandLineOption outDirOption(
        QStringLiteral("out-dir"), CliContext::tr("export: write the dossier's PDFs into DIR."),
        QStringLiteral("DIR"));
    parser.addOptions({storeOption, agencyOption, outDirOption, officerOption()});
    parser.addOptions(CliContext::unlockOptions());
    addStoreKeyOptions(parser);
    addRetentionOptions(parser);
    parser.addPositionalArgument(
        QStringLiteral("action"),
        QStringLiteral("init|list|show CODE|search TEXT|export CODE|check|passwd|"
                       "add-officer NAME|remove-officer NAME|rekey|"
                       "recover|backup|purge|wipe|keyring-on|keyring-off|settings|"
                       "set NAME VALUE"));
    context.parse(parser, QStringLiteral("store"));

    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const QString path = CliContext::required(parser, QStringLiteral("store"));

    if (action == QLatin1String("init")) {
        const storage::SecureBytes recoveryKey = usecases::StoreAccess::create(
            path, context.passphrase(parser), officerId(parser), parser.value(agencyOption));
        const QString recoveryText =
            QString::fromLatin1(reinterpret_cast<const char*>(recoveryKey.data()),
                                static_cast<qsizetype>(recoveryKey.size()));
        if (context.json()) {
            context.printJson(
                QJsonObject{{"store", path}, {"created", true}, {"recovery_key", recoveryText}});
        } else {
            context.printLine(CliContext::tr("Created the encrypted store %1 (key file %1.keys — "
                                             "back up both).")
                                  .arg(path));
            context.printLine(CliContext::tr("Agency recovery key — print it, keep it in the "
                                             "agency's safe; it is shown only this once:"));
            context.printLine(recoveryText);
        }
        return 0;
    }
    if (const int handled = runStoreKeyAction(context, parser, action, path); handled >= 0)
        return handled;
    if (action == QLatin1String("purge") || action == QLatin1String("wipe"))
        return runRetention(context, parser, action, path);
    if (const int handled = runStoreSettingsAction(context, parser, action, path); handled >= 0)
        return handled;
    if (action != QLatin1String("list") && action != QLatin1String("show") &&
        action != QLatin1String("export") && action != QLatin1String("check") &&
        action != QLatin1String("search"))
        CliContext::usageError(CliContext::tr(
            "store needs one of: init, list, show CODE, search TEXT, export CODE, check, passwd, "
            "add-officer NAME, remove-officer NAME, rekey, recover, backup, purge, wipe, "
            "keyring-on, keyring-off, settings, set NAME VALUE."));

    auto store = context.openStore(parser, path);
    if (action == QLatin1String("list")) {
        const auto dossiers = usecases::DossierQueries::list(*store);
        if (context.json()) {
            QJsonArray array;
            for (const auto& s : dossiers)
                array.append(summaryJson(s));
            context.printJson(QJsonObject{{"dossiers", array}});
        } else {
            for (const auto& s : dossiers)
                context.printLine(
                    QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6")
                        .arg(s.code, s.applicantName, s.procedureCode)
                        .arg(s.pageCount)
                        .arg(s.state, codeNote(s.codeProvisional, s.formerProvisionalCode))
                        .trimmed());
        }
        return 0;
    }
    if (action == QLatin1String("show")) {
        const QString code = positional.value(1);
        if (code.isEmpty())
            CliContext::usageError(CliContext::tr("store show needs a dossier code."));
        const usecases::DossierView view =
            usecases::DossierQueries::show(*store, code, officerId(parser));
        if (context.json()) {
            context.printJson(detailJson(view));
        } else {
            const QJsonObject object = detailJson(view);
            context.printLine(QString::fromUtf8(QJsonDocument(object).toJson()));
        }
        return 0;
    }
    if (action == QLatin1String("search")) {
        const QString query = positional.mid(1).join(QLatin1Char(' '));
        if (query.trimmed().isEmpty())
            CliContext::usageError(CliContext::tr("store search needs the words to look for."));
        QJsonArray hits;
        for (const storage::SearchHit& hit :
             usecases::DossierQueries::search(*store, query, officerId(parser))) {
            hits.append(QJsonObject{{"dossier_code", hit.dossierCode},
                                    {"component", hit.componentCode},
                                    {"page", hit.pageSequence}});
            if (!context.json())
                context.printLine(QStringLiteral("%1\t%2\t%3")
                                      .arg(hit.dossierCode, hit.componentCode)
                                      .arg(hit.pageSequence));
        }
        if (context.json())
            context.printJson(QJsonObject{{"hits", hits}});
        return 0;
    }
    if (action == QLatin1String("export")) {
        const QString code = positional.value(1);
        if (code.isEmpty())
            CliContext::usageError(CliContext::tr("store export needs a dossier code."));
        const QString outDir = CliContext::required(parser, QStringLiteral("out-dir"));
        const auto documents = usecases::ExportDocuments::run(*store, code, officerId(parser));
        QDir().mkpath(outDir);
        QJsonArray written;
        for (const usecases::ExportedDocument& document : documents) {
            const QString filePath = QDir(outDir).filePath(document.fileName);
            writeExportFile(filePath, document.bytes);
            written.append(filePath);
            if (!context.json())
                context.printLine(filePath);
        }
        if (context.json())
            context.printJson(QJsonObject{{"files", written}});
        return 0;
    }
    const storage::CheckReport report = usecases::DossierQueries::check(*store);
    if (context.json()) {
        QJsonArray problems;
        for (const QString& problem : report.problems)
            problems.append(problem);
        context.printJson(QJsonObject{{"ok", report.ok()},
                                      {"integrity", report.integrityOk},
                                      {"cipher_integrity", report.cipherIntegrityOk},
                                      {"audit_chain", report.auditChainOk},
                                      {"problems", problems}});
    } else {
        context.printLine(report.ok() ? CliContext::tr("The store is intact.")
                                      : CliContext::tr("The store has problems:"));
        for (const QString& problem : report.problems)
            context.printLine(QStringLiteral("  ") + problem);
    }
    if (!report.ok())
        throw UserError(ErrorKind::Storage, CliContext::tr("The store check failed."));
    return 0;
}

} // namespace sohoa::cli
