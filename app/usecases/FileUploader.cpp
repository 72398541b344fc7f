// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/FileUploader.h"

#include "sync/BandwidthLimit.h"
#include "usecases/StoreAccess.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <optional>

namespace sohoa::usecases {

namespace {

constexpr auto kTusVersion = "1.0.0";
constexpr int kChecksumRetries = 3;

QString uploadSetting(const QString& sha256)
{
    return QStringLiteral("sync.upload.") + sha256;
}

FilesOutcome failed(const sync::HubResponse& response, FilesOutcome outcome)
{
    outcome.stopsRunBecause = response.stopsRunBecause();
    outcome.retryLater = response.retryable() && outcome.stopsRunBecause.isEmpty();
    outcome.error = response.failure();
    return outcome;
}

void remember(storage::Store& store, const QString& sha256, const QString& location)
{
    StoreAccess::guarded(
        [&] { store.inTransaction([&] { store.setSetting(uploadSetting(sha256), location); }); });
}

struct FileBytes
{
    QByteArray bytes;
    QString mime;
};

// The bytes a row names by SHA-256 and size. A document signed after the row was written no
// longer has a blob of its own under that hash, but a signature is an incremental update
// (SignDossier): its bytes are the first `size` bytes of what one of the dossier's documents
// holds now.
std::optional<FileBytes> fileBytes(storage::Store& store, const QString& dossierUuid,
                                   const QByteArray& sha256, qint64 size)
{
    if (const auto blob = store.blobWithSha256(sha256))
        return FileBytes{store.readBlob(blob->id), blob->mime};
    const auto dossier = store.dossierByUuid(dossierUuid);
    const auto detail = dossier ? store.dossierByCode(dossier->code) : std::nullopt;
    if (!detail)
        return std::nullopt;
    for (const storage::ComponentDetail& component : detail->components)
        for (const storage::DocumentRecord& document : component.documents) {
            const auto blob = store.blobInfo(document.blobId);
            if (!blob || blob->size <= size)
                continue;
            QByteArray prefix = store.readBlob(blob->id).left(size);
            if (QCryptographicHash::hash(prefix, QCryptographicHash::Sha256) == sha256)
                return FileBytes{std::move(prefix), blob->mime};
        }
    return std::nullopt;
}

sync::HubRequest tusRequest(const QByteArray& method, const QString& path)
{
    sync::HubRequest request;
    request.method = method;
    request.path = path;
    request.headers.insert("Tus-Resumable", kTusVersion);
    return request;
}

// Where the upload of this file stands on the hub: its address and offset, a new upload when
// there is none (or the hub forgot it), or the hub's refusal.
sync::HubResponse locate(storage::Store& store, const sync::HubClient& hub, const QString& sha256,
                         const QJsonObject& document, const FileBytes& file, bool testData,
                         QString& location)
{
    location = StoreAccess::guarded([&] {
                   return store.setting(uploadSetting(sha256));
               }).value_or(QString());
    if (!location.isEmpty()) {
        const sync::HubResponse head = hub.send(tusRequest("HEAD", location));
        if (head.status != 404)
            return head;
    }
    sync::HubRequest create = tusRequest("POST", QStringLiteral("/v1/uploads"));
    QByteArray metadata = "sha256 " + sha256.toLatin1().toBase64() + ",filename " +
                          document.value("file_name").toString().toUtf8().toBase64() +
                          ",content_type " + file.mime.toUtf8().toBase64();
    if (testData)
        metadata += ",test_data " + QByteArray("1").toBase64();
    create.headers.insert("Upload-Length", QByteArray::number(file.bytes.size()));
    create.headers.insert("Upload-Metadata", metadata);
    create.headers.insert("Content-Length", "0");
    const sync::HubResponse created = hub.send(create);
    if (created.status == 201) {
        location = QString::fromLatin1(created.header("Location"));
        remember(store, sha256, location);
    }
    return created;
}

FilesOutcome upload(storage::Store& store, const sync::HubClient& hub, const QString& sha256,
                    const QJsonObject& document, const QString& dossierUuid, bool testData,
                    FilesOutcome outcome)
{
    const auto file = StoreAccess::guarded([&] {
        return fileBytes(store, dossierUuid, QByteArray::fromHex(sha256.toLatin1()),
                         document.value("size").toInteger());
    });
    if (!file) {
        outcome.error = FileUploader::tr("The file %1 is no longer in the store; it cannot be "
                                         "sent to the hub.")
                            .arg(document.value("file_name").toString());
        return outcome;
    }
    QString location;
    sync::HubResponse answer = locate(store, hub, sha256, document, *file, testData, location);
    if (answer.status != 200 && answer.status != 201)
        return failed(answer, outcome);
    qint64 offset = answer.header("Upload-Offset").toLongLong();
    const QByteArray& bytes = file->bytes;
    int checksumFailures = 0;
    const qsizetype chunkBytes =
        sync::BandwidthLimit::uploadChunkBytes(hub.connection().bandwidthKbps);
    while (offset < bytes.size()) {
        const QByteArray chunk = bytes.mid(offset, chunkBytes);
        sync::HubRequest patch = tusRequest("PATCH", location);
        patch.headers.insert("Content-Type", "application/offset+octet-stream");
        patch.headers.insert("Upload-Offset", QByteArray::number(offset));
        patch.headers.insert(
            "Upload-Checksum",
            "sha256 " + QCryptographicHash::hash(chunk, QCryptographicHash::Sha256).toBase64());
        patch.body = chunk;
        answer = hub.send(patch);
        if (answer.status == 204 || answer.status == 409) {
            // 409: the hub has another offset (a chunk it kept though we never heard): go on
            // from there.
            const qint64 next = answer.header("Upload-Offset").toLongLong();
            if (answer.status == 204)
                outcome.bytes += next - offset;
            offset = next;
        } else if (answer.status == 460 && ++checksumFailures < kChecksumRetries) {
            continue;
        } else {
            if (answer.status == 404 || answer.errorCode() == QLatin1String("file-hash-mismatch"))
                remember(store, sha256, QString()); // start again next time
            return failed(answer, outcome);
        }
    }
    remember(store, sha256, QString());
    ++outcome.uploaded;
    return outcome;
}

} // namespace

FilesOutcome FileUploader::ensureHeld(storage::Store& store, const sync::HubClient& hub,
                                      const QString& dossierUuid, const QJsonObject& payload)
{
    FilesOutcome outcome;
    const QJsonArray documents = payload.value("component").toObject().value("documents").toArray();
    QJsonArray hashes;
    for (const QJsonValue& document : documents)
        hashes.append(document.toObject().value("sha256"));
    if (!hashes.isEmpty()) {
        const sync::HubResponse asked = hub.postJson(
            QStringLiteral("/v1/files/missing"),
            QJsonDocument(QJsonObject{{"sha256", hashes}}).toJson(QJsonDocument::Compact));
        if (asked.status != 200)
            return failed(asked, outcome);
        const QJsonArray missing = asked.json.value("missing").toArray();
        for (const QJsonValue& document : documents) {
            const QString sha256 = document.toObject().value("sha256").toString();
            if (!missing.contains(QJsonValue(sha256)))
                continue;
            outcome = upload(store, hub, sha256, document.toObject(), dossierUuid,
                             payload.value("test_data").toBool(), outcome);
            if (!outcome.error.isEmpty())
                return outcome;
        }
    }
    outcome.held = true;
    return outcome;
}

} // namespace sohoa::usecases
