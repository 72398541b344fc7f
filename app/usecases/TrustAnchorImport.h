// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

#include <QCoreApplication>

namespace sohoa::usecases {

// The roots (or intermediates) the agency trusts for verifying signatures, kept in the
// encrypted store: Vietnamese root CAs are in no common trust store, so they are imported.
class TrustAnchorImport
{
    Q_DECLARE_TR_FUNCTIONS(TrustAnchorImport)

public:
    // Imports every certificate of a PEM file in one transaction, audited; returns how many
    // were new. Throws UserError when the file holds no certificate.
    static int importPem(storage::Store& store, const QByteArray& pem, const QString& officerId);
    // The store's row of the certificate `der` (identity, subject, expiry), added by `addedBy`.
    static storage::TrustAnchorRecord recordOf(const QByteArray& der, const QString& addedBy);
    // The anchors as DER, for the verifier.
    static QList<QByteArray> anchorsOf(storage::Store& store);
};

} // namespace sohoa::usecases
