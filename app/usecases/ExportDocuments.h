// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

#include <QByteArray>
#include <QCoreApplication>
#include <vector>

namespace sohoa::usecases {

struct ExportedDocument
{
    QString fileName;
    QByteArray bytes;
};

// Takes a dossier's digitized documents out of the store at the officer's explicit request.
// Personal data leaves the encrypted store here, so the export is recorded in the audit trail.
class ExportDocuments
{
    Q_DECLARE_TR_FUNCTIONS(ExportDocuments)

public:
    static std::vector<ExportedDocument> run(storage::Store& store, const QString& dossierCode,
                                             const QString& officerId);
};

} // namespace sohoa::usecases
