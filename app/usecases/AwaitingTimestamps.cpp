// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/AwaitingTimestamps.h"

#include "pdf/PdfSignatureProbe.h"
#include "pdf/PreparedSignature.h"
#include "signing/SignatureTimestamper.h"
#include "usecases/OutboxWriter.h"
#include "usecases/StoreAccess.h"

#include <algorithm>
#include <map>

namespace sohoa::usecases {

namespace {

// The queue by document, in the order the signatures were made.
std::map<std::int64_t, std::vector<storage::SignatureRecord>> queueByDocument(storage::Store& store)
{
    std::map<std::int64_t, std::vector<storage::SignatureRecord>> byDocument;
    for (storage::SignatureRecord& signature :
         StoreAccess::guarded([&] { return store.signaturesAwaitingTimestamp(); }))
        byDocument[signature.documentId].push_back(std::move(signature));
    return byDocument;
}

// The signature no later revision follows: the only one whose container can be rewritten.
const pdf::PdfSignature* lastSignature(const std::vector<pdf::PdfSignature>& signatures)
{
    const auto last = std::find_if(signatures.begin(), signatures.end(),
                                   [](const pdf::PdfSignature& s) { return s.coversWholeFile; });
    return last == signatures.end() ? nullptr : &*last;
}

bool isStamped(storage::Store& store, std::int64_t documentId, const QString& fieldName)
{
    const auto all = StoreAccess::guarded([&] { return store.signaturesOfDocument(documentId); });
    return std::any_of(all.begin(), all.end(), [&](const storage::SignatureRecord& s) {
        return s.fieldName == fieldName && s.timestampStatus == QLatin1String("stamped");
    });
}

void audit(storage::Store& store, std::int64_t documentId, const QString& officerId,
           const QString& action, const QString& detail)
{
    store.appendEvent({0, store.dossierUuidOfDocument(documentId), QDateTime::currentDateTimeUtc(),
                       officerId, action, detail});
}

} // namespace

int AwaitingTimestamps::count(storage::Store& store)
{
    return static_cast<int>(
        StoreAccess::guarded([&] { return store.signaturesAwaitingTimestamp(); }).size());
}

TimestampQueueResult AwaitingTimestamps::drain(storage::Store& store,
                                               const signing::TimestampClient& tsa,
                                               const QString& officerId)
{
    TimestampQueueResult result;
    for (auto& [documentId, awaiting] : queueByDocument(store)) {
        const auto document = StoreAccess::guarded([&] { return store.document(documentId); });
        if (!document)
            continue;
        const QByteArray pdf =
            StoreAccess::guarded([&] { return store.readBlob(document->blobId); });
        const auto signatures = pdf::PdfSignatureProbe::signaturesIn(pdf, document->fileName);
        const pdf::PdfSignature* last = lastSignature(signatures);
        if (!last) {
            result.stillAwaiting += static_cast<int>(awaiting.size());
            continue;
        }

        const auto queuedLast =
            std::find_if(awaiting.begin(), awaiting.end(), [&](const storage::SignatureRecord& s) {
                return s.fieldName == last->fieldName;
            });
        if (queuedLast != awaiting.end()) {
            if (!result.offlineReason.isEmpty()) {
                result.stillAwaiting += static_cast<int>(awaiting.size());
                continue;
            }
            const signing::TimestampedCms stamped =
                signing::SignatureTimestamper::addTimestamp(last->contents, tsa);
            if (!stamped.timestamp.token) {
                result.offlineReason = stamped.timestamp.offlineReason;
                result.stillAwaiting += static_cast<int>(awaiting.size());
                continue;
            }
            const QByteArray rewritten =
                pdf::PreparedSignature::reopen(pdf, last->byteRange).withSignature(stamped.cms);
            StoreAccess::guarded([&] {
                store.inTransaction([&] {
                    auto blob = store.newBlob(QStringLiteral("application/pdf"));
                    blob->append(rewritten);
                    store.replaceDocumentBlob(documentId, blob->finish().id);
                    store.setSignatureTimestamped(queuedLast->id, QStringLiteral("PAdES-B-T"));
                    OutboxWriter::componentChanged(store, document->componentId);
                    audit(store, documentId, officerId, QStringLiteral("signature-timestamped"),
                          document->fileName + QLatin1Char(' ') + last->fieldName);
                });
            });
            result.stamped.append(document->fileName);
            awaiting.erase(queuedLast);
        }

        if (awaiting.empty())
            continue;
        if (!isStamped(store, documentId, last->fieldName)) {
            result.stillAwaiting += static_cast<int>(awaiting.size());
            continue;
        }
        StoreAccess::guarded([&] {
            store.inTransaction([&] {
                for (const storage::SignatureRecord& earlier : awaiting) {
                    store.setSignatureCovered(earlier.id);
                    audit(store, documentId, officerId, QStringLiteral("signature-covered"),
                          document->fileName + QLatin1Char(' ') + earlier.fieldName);
                }
            });
        });
        result.covered.append(document->fileName);
    }
    return result;
}

} // namespace sohoa::usecases
