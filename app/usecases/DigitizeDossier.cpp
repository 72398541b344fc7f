// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/DigitizeDossier.h"

#include "domain/Applicant.h"
#include "domain/DossierLifecycle.h"
#include "domain/PageTransform.h"
#include "domain/SearchFolding.h"
#include "domain/UserError.h"
#include "usecases/ComponentCapture.h"
#include "usecases/ImageImport.h"
#include "usecases/OutboxWriter.h"
#include "usecases/PageScanner.h"
#include "usecases/StoreAccess.h"
#include "usecases/StoreDossierCodeAllocator.h"
#include "usecases/TrustAnchorImport.h"
#include "usecases/WorkingCalendar.h"

#include <QDateTime>
#include <QUuid>

namespace sohoa::usecases {

namespace {
// The applicant's kind follows from the identifier's form: a 12-digit personal ID is a
// citizen, a tax code an enterprise, a passport number a foreigner.
domain::Applicant applicantFrom(const QString& identifier, const QString& name)
{
    const QString id = identifier.trimmed();
    if (id.size() == domain::PersonalId::kLength || !id.front().isLetter()) {
        if (id.size() != domain::PersonalId::kLength)
            if (auto taxCode = domain::TaxCode::tryParse(id))
                return domain::Applicant::enterprise(*taxCode, name, {});
        return domain::Applicant::citizen(domain::PersonalId::parse(id), name, {},
                                          domain::Sex::Unknown, {});
    }
    return domain::Applicant::foreigner(domain::PassportNumber::parse(id), name, {},
                                        domain::Sex::Unknown, {});
}

// Feeds the component from the scanner or the files. A scanner fault after the first page
// ends the batch but keeps its pages: the returned message says what happened; an empty one
// means the batch is complete.
QString capture(const DigitizeRequest& request, ComponentCapture& component)
{
    if (request.deviceId.isEmpty()) {
        for (const QString& file : request.inputFiles)
            ImageImport::importFile(
                file, ImageImport::kDefaultPdfDpi,
                [&](CapturedPage&& page) { component.addPage(std::move(page)); },
                [&](ImportedDocument&& kept) { component.keepDocument(std::move(kept)); },
                request.searchablePdfs);
        return {};
    }
    PageScanner scanner;
    if (request.manualDuplex) {
        try {
            scanner.scanManualDuplex(
                request.deviceId, request.scanOptions, request.turnStack,
                [&](CapturedPage&& page, int position, PageScanner::Side /*side*/) {
                    component.addPage(std::move(page), position);
                });
        } catch (const UserError& error) {
            if (error.kind() != ErrorKind::Device || component.pageCount() == 0)
                throw;
            return error.message();
        }
        return {};
    }
    for (;;) {
        QString problem;
        try {
            scanner.scan(request.deviceId, request.scanOptions,
                         [&](CapturedPage&& page) { component.addPage(std::move(page)); });
        } catch (const UserError& error) {
            if (error.kind() != ErrorKind::Device)
                throw;
            problem = error.message();
        }
        if (!request.nextPass || !request.nextPass(problem)) {
            if (!problem.isEmpty() && component.pageCount() == 0)
                throw UserError(ErrorKind::Device, problem);
            return problem;
        }
    }
}
} // namespace

DigitizeResult DigitizeDossier::run(storage::Store& store, const domain::Catalogue& catalogue,
                                    const DigitizeRequest& request)
{
    // 1. Everything the officer typed is checked before a single page is scanned.
    const domain::ProcedureCode procedureCode = domain::ProcedureCode::parse(request.procedureCode);
    const domain::Procedure& procedure = catalogue.procedure(procedureCode);
    const domain::ResolvedComponent component =
        domain::Catalogue::resolveComponent(procedure, request.componentCode);
    const domain::Applicant applicant = applicantFrom(request.applicantId, request.applicantName);
    const bool fromScanner = !request.deviceId.isEmpty();
    if (fromScanner == !request.inputFiles.isEmpty())
        throw UserError(ErrorKind::Usage,
                        tr("Give either a scanner device or input files, not both."));
    const auto agencySetting =
        StoreAccess::guarded([&] { return store.setting(QStringLiteral("agency_code")); });
    if (!agencySetting)
        throw UserError(ErrorKind::Storage, tr("The store has no agency code; initialize it "
                                               "with \"sohoa-cli store init\"."));
    const domain::AgencyCode agency = domain::AgencyCode::parse(*agencySetting);

    // 2. One transaction: code, dossier and component first, then the pages stream in as they
    //    are captured and recognized, then the PDF and the history.
    const bool testData = fromScanner && PageScanner::isTestDevice(request.deviceId);
    const QDateTime received = QDateTime::currentDateTime();
    const auto captured = domain::DossierLifecycle::apply(domain::DossierState::Draft,
                                                          domain::DossierTransition::Capture);
    // Signed PDFs among the files are verified as they are kept, against the agency's anchors.
    const signing::PdfSignatureVerifier verifier(TrustAnchorImport::anchorsOf(store));
    DigitizeResult result;
    result.testData = testData;
    StoreAccess::guarded([&] {
        store.inTransaction([&] {
            StoreDossierCodeAllocator allocator(store);
            const domain::DossierCode allocated = allocator.allocate(agency, received.date());
            const QString code = allocated.toString();
            result.dossierCode = code;
            result.codeProvisional = allocated.isProvisional();

            storage::DossierRecord dossier;
            dossier.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
            dossier.code = code;
            dossier.codeProvisional = allocated.isProvisional();
            dossier.agencyCode = agency.toString();
            dossier.procedureCode = procedure.code.toString();
            dossier.procedureName = procedure.name;
            dossier.applicantKind = applicant.nationalSubjectType();
            dossier.applicantIdentifier = applicant.identifierText();
            dossier.applicantName = applicant.fullName();
            dossier.applicantNameFolded = domain::foldForSearch(applicant.fullName());
            dossier.channel = domain::nationalCode(request.channel);
            dossier.state = domain::DossierLifecycle::toString(captured.to);
            dossier.nationalStatus =
                domain::nationalCode(domain::DossierLifecycle::nationalStatus(captured.to));
            dossier.receivedAt = received;
            dossier.dueAt =
                storedWorkingCalendar(store).dueDate(received, procedure.processingDays);
            dossier.testData = testData;
            const std::int64_t dossierId = store.insertDossier(dossier);

            storage::ComponentRecord componentRecord;
            componentRecord.dossierId = dossierId;
            componentRecord.code = component.code.toString();
            componentRecord.name = component.name;
            componentRecord.isResult = component.isResult;
            componentRecord.digitized = true;
            const std::int64_t componentId = store.insertComponent(componentRecord);

            pdf::PdfMetadata metadata;
            metadata.title = component.name;
            metadata.dossierCode = code;
            metadata.componentCode = component.code.toString();
            metadata.producer = QStringLiteral("SoHoa");
            ocr::OcrPool pool(request.ocr, request.ocrJobs, request.cleanup);
            ComponentCapture documents(store, componentId, metadata, pool, request.imageOptions,
                                       verifier);
            result.interruption = capture(request, documents);
            if (documents.pageCount() == 0 && documents.documentCount() == 0)
                throw UserError(ErrorKind::Device, tr("No page was captured; nothing was stored."));
            const ComponentCapture::Outcome outcome = documents.finish();
            result.pageCount = outcome.pages;
            result.blankPages = outcome.blankPositions;
            result.documentFileName = outcome.searchablePdf;
            result.keptDocuments = outcome.keptPdfs;
            result.signatureChecks = outcome.signatureChecks;

            const auto event = [&](const QString& action, const QString& detail) {
                store.appendEvent({0, dossier.uuid, QDateTime::currentDateTimeUtc(),
                                   request.officerId, action, detail});
            };
            event(QStringLiteral("created"), procedure.code.toString());
            if (result.pageCount > 0)
                event(QStringLiteral("pages-added"),
                      QStringLiteral("%1:%2").arg(componentRecord.code).arg(result.pageCount));
            for (const QString& file : result.keptDocuments)
                event(QStringLiteral("document-kept"),
                      QStringLiteral("%1:%2").arg(componentRecord.code, file));
            for (const KeptSignatureCheck& check : result.signatureChecks)
                event(QStringLiteral("document-verified"),
                      QStringLiteral("%1 %2").arg(check.fileName, check.verdict));
            if (!result.interruption.isEmpty())
                event(QStringLiteral("capture-interrupted"),
                      QStringLiteral("%1:%2").arg(componentRecord.code).arg(result.pageCount));
            event(QStringLiteral("transition:") +
                      domain::DossierLifecycle::toString(captured.transition),
                  domain::DossierLifecycle::toString(captured.to));
            OutboxWriter::dossierCreated(store, dossier, {componentRecord});
            OutboxWriter::componentChanged(store, componentId);
        });
    });
    return result;
}

} // namespace sohoa::usecases
