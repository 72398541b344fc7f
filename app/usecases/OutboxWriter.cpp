// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/OutboxWriter.h"

#include "domain/VietnamTime.h"
#include "usecases/SyncPayload.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace sohoa::usecases {

namespace {

QString newIdempotencyKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void append(storage::Store& store, const QString& dossierUuid, int baseVersion,
            const QString& operation, const QJsonObject& payload)
{
    storage::OutboxRecord row;
    row.idempotencyKey = newIdempotencyKey();
    row.dossierUuid = dossierUuid;
    row.baseVersion = baseVersion;
    row.operation = operation;
    row.payload = QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    store.appendOutbox(row);
}

// A row for a dossier already on its way: based on its current version, which it moves on by
// one (§5.1).
void appendAndCount(storage::Store& store, const QString& dossierUuid, const QString& operation,
                    const QJsonObject& payload)
{
    const int version = store.dossierVersion(dossierUuid);
    append(store, dossierUuid, version, operation, payload);
    store.setDossierVersion(dossierUuid, version + 1);
}

} // namespace

void OutboxWriter::dossierCreated(storage::Store& store, const storage::DossierRecord& dossier,
                                  const std::vector<storage::ComponentRecord>& components)
{
    const QJsonObject payload{{"test_data", dossier.testData},
                              {"code_provisional", dossier.codeProvisional},
                              {"dossier", syncDossierRecord(dossier, components)}};
    append(store, dossier.uuid, 0, QStringLiteral("dossier.create"), payload);
}

void OutboxWriter::componentChanged(storage::Store& store, std::int64_t componentId)
{
    const auto owner = store.componentOwner(componentId);
    if (!owner)
        return;
    QJsonArray documents;
    for (const storage::DocumentRecord& document : store.documentsOfComponent(componentId)) {
        const auto blob = store.blobInfo(document.blobId);
        if (!blob)
            continue; // purged after the hub confirmed it
        documents.append(QJsonObject{
            {"sha256", QString::fromLatin1(blob->sha256.toHex())},
            {"size", static_cast<qint64>(blob->size)},
            {"file_name", document.fileName},
            {"content_type", blob->mime},
            {"digitized_at", domain::inVietnamTime(document.createdAt).toString(Qt::ISODate)}});
    }
    QJsonObject attached = syncComponentRecord(owner->component);
    attached.insert(QStringLiteral("documents"), documents);
    appendAndCount(store, owner->dossierUuid, QStringLiteral("component.attach"),
                   QJsonObject{{"test_data", owner->testData}, {"component", attached}});
}

void OutboxWriter::transitioned(storage::Store& store, const storage::DossierRecord& dossier,
                                const domain::DossierLifecycle::StateChange& change,
                                const ProgressEntry& progress)
{
    using domain::DossierLifecycle;
    const int status = domain::nationalCode(DossierLifecycle::nationalStatus(change.to));
    QJsonObject payload{{"test_data", dossier.testData},
                        {"transition", DossierLifecycle::toString(change.transition)},
                        {"from_state", DossierLifecycle::toString(change.from)},
                        {"to_state", DossierLifecycle::toString(change.to)},
                        {"national_status", status},
                        {"progress", syncProgressEntry(progress, status)}};
    if (change.transition == domain::DossierTransition::ReturnResult)
        payload.insert(QStringLiteral("returned_at"), nationalDateTime(progress.at));
    appendAndCount(store, dossier.uuid, QStringLiteral("dossier.transition"), payload);
}

void OutboxWriter::requeued(storage::Store& store, const storage::OutboxRecord& discarded)
{
    appendAndCount(store, discarded.dossierUuid, discarded.operation,
                   QJsonDocument::fromJson(discarded.payload.toUtf8()).object());
}

storage::OutboxRecord OutboxWriter::rebased(storage::Store& store, const storage::OutboxRecord& row,
                                            int hubVersion)
{
    storage::OutboxRecord rewritten = row;
    rewritten.idempotencyKey = newIdempotencyKey();
    rewritten.baseVersion = hubVersion;
    rewritten.attempts = 0;
    rewritten.nextAttemptAt = {};
    rewritten.lastError.clear();
    store.rebaseOutbox(row.id, rewritten.idempotencyKey, hubVersion);
    return rewritten;
}

} // namespace sohoa::usecases
