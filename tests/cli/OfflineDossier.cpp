// SPDX-License-Identifier: GPL-3.0-or-later
#include "OfflineDossier.h"

#include "domain/DossierCode.h"
#include "support/SampleDossier.h"
#include "usecases/OutboxWriter.h"

#include <QUuid>

namespace sohoa::testing {

storage::DossierRecord addOfflineDossier(storage::Store& store, const QString& code,
                                         const QByteArray& document)
{
    storage::DossierRecord dossier = sampleDossier(code);
    dossier.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    dossier.codeProvisional = domain::DossierCode::parse(code).isProvisional();
    storage::ComponentRecord component;
    component.dossierId = store.insertDossier(dossier);
    component.code = QStringLiteral("TP1");
    component.name = QStringLiteral("Tờ khai");
    component.digitized = true;
    component.id = store.insertComponent(component);
    usecases::OutboxWriter::dossierCreated(store, dossier, {component});
    if (document.isEmpty())
        return dossier;
    auto blob = store.newBlob(QStringLiteral("application/pdf"));
    blob->append(document);
    storage::DocumentRecord record;
    record.componentId = component.id;
    record.fileName = code + QStringLiteral(".01.pdf");
    record.kind = QStringLiteral("searchable-pdf");
    record.blobId = blob->finish().id;
    store.insertDocument(record);
    usecases::OutboxWriter::componentChanged(store, component.id);
    return dossier;
}

} // namespace sohoa::testing
