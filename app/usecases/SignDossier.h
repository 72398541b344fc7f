// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "usecases/PdfSigner.h"

#include <QCoreApplication>
#include <functional>

namespace sohoa::usecases {

struct DossierSigningResult
{
    QStringList signedFiles;
    QStringList awaitingTimestamp; // signed B-B; the time-stamp queue will finish them
    bool cancelled = false;
    bool testSignature = false;
    QString state; // the dossier's lifecycle state afterwards (stable name), "signed" when done
};

// Batch signing (ký số hàng loạt): every digitized PDF of a dossier signed with one login to
// the token. Each document is replaced by its signed version, its signature recorded and
// audited in one transaction, so a failure or a cancel leaves every document either signed or
// untouched, never half-signed. Documents kept byte for byte from imports are not signed:
// they are the citizen's, not the agency's. The batch's last document takes a captured
// dossier through the Sign transition, in that document's transaction.
class SignDossier
{
    Q_DECLARE_TR_FUNCTIONS(SignDossier)

public:
    // Called before each document: (done, total, file name); returning false cancels.
    using Progress = std::function<bool(int done, int total, const QString& fileName)>;

    static DossierSigningResult run(storage::Store& store, const QString& dossierCode,
                                    const PdfSigner& signer, const QString& officerId,
                                    const Progress& progress = {});
};

} // namespace sohoa::usecases
