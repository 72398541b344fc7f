// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/OutboxWriter.h"

#include "usecases/SyncPayload.h"

#include <QJsonDocument>
#include <QUuid>

namespace sohoa::usecases {

void OutboxWriter::dossierCreated(storage::Store& store, const storage::DossierRecord& dossier,
                                  const std::vector<storage::ComponentRecord>& components)
{
    const QJsonObject payload{{"test_data", dossier.testData},
                              {"code_provisional", dossier.codeProvisional},
                              {"dossier", syncDossierRecord(dossier, components)}};
    storage::OutboxRecord row;
    row.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    row.dossierUuid = dossier.uuid;
    row.baseVersion = 0;
    row.operation = QStringLiteral("dossier.create");
    row.payload = QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    store.appendOutbox(row);
}

} // namespace sohoa::usecases
