// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/DigitizeDossier.h"

#include "domain/Applicant.h"
#include "domain/DossierLifecycle.h"
#include "domain/PageTransform.h"
#include "domain/SearchFolding.h"
#include "domain/UserError.h"
#include "domain/WorkingDayCalendar.h"
#include "usecases/DocumentRecognizer.h"
#include "usecases/ImageImport.h"
#include "usecases/PageScanner.h"
#include "usecases/StoreAccess.h"
#include "usecases/StoreDossierCodeAllocator.h"

#include <QBuffer>
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

QByteArray encodeOriginal(const QImage& image)
{
    // The scan as it came from the scanner, lossless: transforms are recorded, never baked in.
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG", 50);
    return bytes;
}

int colorDepthOf(const QImage& image)
{
    if (image.format() == QImage::Format_Mono || image.format() == QImage::Format_MonoLSB)
        return 1;
    if (image.isGrayscale())
        return image.depth() >= 16 ? 16 : 8;
    return 24;
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

    // 2. Capture; each page goes to the OCR pool as soon as it arrives.
    ocr::OcrPool pool(request.ocr, request.ocrJobs);
    DocumentRecognizer recognizer(pool);
    const auto addPage = [&](CapturedPage&& page) { recognizer.addPage(std::move(page)); };
    if (fromScanner) {
        PageScanner scanner;
        scanner.scan(request.deviceId, request.scanOptions, addPage);
    } else {
        for (const QString& file : request.inputFiles)
            ImageImport::importFile(file, ImageImport::kDefaultPdfDpi, addPage);
    }
    if (recognizer.pageCount() == 0)
        throw UserError(ErrorKind::Device, tr("No page was captured; nothing was stored."));

    // 3. One transaction: code, dossier, component, pages, PDF, history.
    const bool testData = fromScanner && PageScanner::isTestDevice(request.deviceId);
    const QDateTime received = QDateTime::currentDateTime();
    const auto captured = domain::DossierLifecycle::apply(domain::DossierState::Draft,
                                                          domain::DossierTransition::Capture);
    DigitizeResult result;
    result.testData = testData;
    StoreAccess::guarded([&] {
        store.inTransaction([&] {
            StoreDossierCodeAllocator allocator(store);
            const QString code = allocator.allocate(agency, received.date()).toString();
            result.dossierCode = code;
            result.documentFileName = code + QStringLiteral(".01.pdf");

            pdf::PdfMetadata metadata;
            metadata.title = component.name;
            metadata.dossierCode = code;
            metadata.componentCode = component.code.toString();
            metadata.producer = QStringLiteral("SoHoa");
            const RecognizedDocument document = recognizer.finish(metadata, request.imageOptions);
            result.pageCount = static_cast<int>(document.pages.size());

            storage::DossierRecord dossier;
            dossier.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
            dossier.code = code;
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
                domain::WorkingDayCalendar().dueDate(received, procedure.processingDays);
            dossier.testData = testData;
            const std::int64_t dossierId = store.insertDossier(dossier);

            storage::ComponentRecord componentRecord;
            componentRecord.dossierId = dossierId;
            componentRecord.code = component.code.toString();
            componentRecord.name = component.name;
            componentRecord.isResult = component.isResult;
            componentRecord.digitized = true;
            const std::int64_t componentId = store.insertComponent(componentRecord);

            for (std::size_t i = 0; i < document.pages.size(); ++i) {
                const CapturedPage& page = document.pages[i];
                auto blob = store.newBlob(QStringLiteral("image/png"));
                blob->append(encodeOriginal(page.image));
                storage::PageRecord pageRecord;
                pageRecord.componentId = componentId;
                pageRecord.sequence = static_cast<int>(i) + 1;
                pageRecord.width = page.image.width();
                pageRecord.height = page.image.height();
                pageRecord.dpi = page.dpi;
                pageRecord.colorDepth = colorDepthOf(page.image);
                pageRecord.source = page.source;
                pageRecord.ocrText = document.texts[i].plainText();
                // The original pixels are kept; the turn that made the page readable is recorded
                // as an imaging step, like the officer's own corrections.
                if (const int rotation = document.texts[i].rotation; rotation != 0)
                    pageRecord.transformsJson =
                        QStringLiteral("[\"%1\"]")
                            .arg(domain::PageTransform::rotate(rotation).toString());
                pageRecord.searchText = domain::foldForSearch(pageRecord.ocrText);
                pageRecord.imageBlobId = blob->finish().id;
                store.insertPage(pageRecord);
            }

            auto pdfBlob = store.newBlob(QStringLiteral("application/pdf"));
            pdfBlob->append(document.pdf);
            storage::DocumentRecord pdfRecord;
            pdfRecord.componentId = componentId;
            pdfRecord.fileName = result.documentFileName;
            pdfRecord.kind = QStringLiteral("searchable-pdf");
            pdfRecord.blobId = pdfBlob->finish().id;
            store.insertDocument(pdfRecord);

            const auto event = [&](const QString& action, const QString& detail) {
                store.appendEvent({0, dossier.uuid, QDateTime::currentDateTimeUtc(),
                                   request.officerId, action, detail});
            };
            event(QStringLiteral("created"), procedure.code.toString());
            event(QStringLiteral("pages-added"),
                  QStringLiteral("%1:%2").arg(componentRecord.code).arg(result.pageCount));
            event(QStringLiteral("transition:") +
                      domain::DossierLifecycle::toString(captured.transition),
                  domain::DossierLifecycle::toString(captured.to));
        });
    });
    return result;
}

} // namespace sohoa::usecases
