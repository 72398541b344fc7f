// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/ActiveCatalogue.h"

#include "usecases/CatalogueApply.h"
#include "usecases/StoreAccess.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sohoa::usecases {

domain::Catalogue ActiveCatalogue::of(storage::Store& store)
{
    return StoreAccess::guarded([&] {
        if (store.setting(QString::fromLatin1(kCatalogueRevisionSetting))
                .value_or(QString())
                .toLongLong() <= 0)
            return domain::Catalogue::loadBuiltIn();
        QJsonArray procedures;
        for (const QByteArray& definition : store.catalogueProcedureDefinitions())
            procedures.append(QJsonDocument::fromJson(definition).object());
        return domain::Catalogue::fromDefinitions(
            store.setting(QString::fromLatin1(kCatalogueVersionSetting)).value_or(QString()),
            procedures);
    });
}

} // namespace sohoa::usecases
