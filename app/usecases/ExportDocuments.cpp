// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/ExportDocuments.h"

#include "usecases/AuditTrail.h"
#include "usecases/DossierQueries.h"
#include "usecases/StoreAccess.h"

namespace sohoa::usecases {

std::vector<ExportedDocument>
ExportDocuments::run(storage::Store& store, const QString& dossierCode, const QString& officerId)
{
    const DossierView view = DossierQueries::read(store, dossierCode);
    return StoreAccess::guarded([&] {
        std::vector<ExportedDocument> documents;
        for (const storage::ComponentDetail& component : view.detail.components)
            for (const storage::DocumentRecord& document : component.documents)
                documents.push_back({document.fileName, store.readBlob(document.blobId)});
        recordEvent(store, view.detail.dossier.uuid, officerId, QStringLiteral("exported"),
                    QString::number(documents.size()));
        return documents;
    });
}

} // namespace sohoa::usecases
