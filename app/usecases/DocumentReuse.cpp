// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/DocumentReuse.h"

#include "domain/UserError.h"
#include "pdf/PdfSignatureProbe.h"
#include "signing/PdfSignatureReportJson.h"
#include "signing/PdfSignatureVerifier.h"
#include "usecases/DossierQueries.h"
#include "usecases/OutboxWriter.h"
#include "usecases/StoreAccess.h"
#include "usecases/TrustAnchorImport.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace sohoa::usecases {

namespace {

// Documents may be added while the dossier is being received; later states would void
// signatures or a supervisor's decision.
bool stateAcceptsDocuments(const QString& state)
{
    return state == QLatin1String("draft") || state == QLatin1String("captured");
}

// `<dossier code>.<nn>.pdf` with the next number after the dossier's documents.
QString nextFileName(const storage::DossierDetail& dossier)
{
    static const QRegularExpression number(QStringLiteral("\\.(\\d+)\\.pdf$"));
    int highest = 0;
    for (const storage::ComponentDetail& component : dossier.components)
        for (const storage::DocumentRecord& document : component.documents) {
            const auto match = number.match(document.fileName);
            if (match.hasMatch())
                highest = std::max(highest, match.captured(1).toInt());
        }
    return QStringLiteral("%1.%2.pdf")
        .arg(dossier.dossier.code)
        .arg(highest + 1, 2, 10, QLatin1Char('0'));
}

QByteArray downloaded(const sync::HubClient& hub, const QString& sha256)
{
    const sync::HubResponse response = hub.get(QStringLiteral("/v1/files/") + sha256);
    if (response.status == 200)
        return response.body;
    if (response.status == 404)
        throw UserError(ErrorKind::NotFound,
                        DocumentReuse::tr("The provincial hub gives this workstation no such "
                                          "document: look the citizen up first (a look-up "
                                          "allows downloads for 24 hours)."));
    if (!response.stopsRunBecause().isEmpty())
        throw UserError(ErrorKind::AccessDenied, response.failure());
    throw UserError(
        response.retryable() ? ErrorKind::Network : ErrorKind::InvalidInput,
        DocumentReuse::tr("The document could not be downloaded: %1").arg(response.failure()));
}

} // namespace

DocumentReuseOutcome DocumentReuse::run(storage::Store& store, const sync::HubClient& hub,
                                        const DocumentReuseRequest& request)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    const QString sha256 = request.sha256.trimmed().toLower();
    if (!hex.match(sha256).hasMatch())
        throw UserError(ErrorKind::InvalidInput,
                        tr("A document is named by its SHA-256: 64 hexadecimal digits."));
    const auto dossier = DossierQueries::detail(store, request.dossierCode);
    if (!stateAcceptsDocuments(dossier.dossier.state))
        throw UserError(ErrorKind::InvalidInput,
                        tr("Dossier %1 is past reception (%2): documents can be added only while "
                           "it is a draft or captured.")
                            .arg(dossier.dossier.code, dossier.dossier.state));
    const storage::ComponentDetail* component = nullptr;
    for (const storage::ComponentDetail& candidate : dossier.components)
        if (candidate.component.code == request.componentCode)
            component = &candidate;
    if (!component)
        throw UserError(
            ErrorKind::NotFound,
            tr("Dossier %1 has no component %2.").arg(dossier.dossier.code, request.componentCode));

    DocumentReuseOutcome outcome;
    for (const storage::DocumentRecord& document : component->documents) {
        const auto blob = StoreAccess::guarded([&] { return store.blobInfo(document.blobId); });
        if (blob && QString::fromLatin1(blob->sha256.toHex()) == sha256) {
            outcome.fileName = document.fileName;
            outcome.size = blob->size;
            outcome.alreadyHeld = true;
            return outcome;
        }
    }

    const QByteArray bytes = downloaded(hub, sha256);
    if (QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex() != sha256.toLatin1())
        throw UserError(ErrorKind::InvalidInput,
                        tr("The downloaded document does not match its SHA-256; nothing was "
                           "kept. Try again."));

    storage::DocumentRecord record;
    record.componentId = component->component.id;
    record.fileName = nextFileName(dossier);
    record.createdAt = QDateTime::currentDateTimeUtc();
    const auto signatures = pdf::PdfSignatureProbe::signaturesIn(bytes, record.fileName);
    record.kind =
        signatures.empty() ? QStringLiteral("imported-pdf") : QStringLiteral("signed-pdf");
    if (!signatures.empty()) {
        const signing::PdfSignatureVerifier verifier(TrustAnchorImport::anchorsOf(store));
        const signing::DocumentSignatureReport report = verifier.verify(bytes, record.fileName);
        record.signatureVerdict = signing::verdictName(report.verdict);
        record.signatureMessage = report.message;
        record.verifiedAt = record.createdAt;
    }
    StoreAccess::guarded([&] {
        store.inTransaction([&] {
            auto blob = store.newBlob(QStringLiteral("application/pdf"));
            blob->append(bytes);
            record.blobId = blob->finish().id;
            store.insertDocument(record);
            store.markComponentReused(record.componentId);
            OutboxWriter::componentChanged(store, record.componentId);
            const QJsonObject detail{{"component", request.componentCode},
                                     {"file", record.fileName},
                                     {"sha256", sha256},
                                     {"signature", record.signatureVerdict}};
            store.appendEvent(
                {0, dossier.dossier.uuid, record.createdAt, request.officerId,
                 QStringLiteral("document-reused"),
                 QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact))});
        });
    });
    outcome.fileName = record.fileName;
    outcome.size = bytes.size();
    outcome.signatureVerdict = record.signatureVerdict;
    outcome.signatureMessage = record.signatureMessage;
    return outcome;
}

} // namespace sohoa::usecases
