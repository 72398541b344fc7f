// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/TrustAnchorImport.h"

#include "signing/CertificateFacts.h"
#include "signing/TrustAnchors.h"
#include "usecases/StoreAccess.h"

#include <QCryptographicHash>

namespace sohoa::usecases {

int TrustAnchorImport::importPem(storage::Store& store, const QByteArray& pem,
                                 const QString& officerId)
{
    const QList<QByteArray> certificates = signing::TrustAnchors::fromPem(pem);
    int added = 0;
    StoreAccess::guarded([&] {
        store.inTransaction([&] {
            for (const QByteArray& der : certificates) {
                const storage::TrustAnchorRecord anchor = recordOf(der, officerId);
                if (!store.addTrustAnchor(anchor))
                    continue;
                ++added;
                // A CA's name is not personal data: the trail says which root was trusted.
                store.appendEvent({0, QString(), QDateTime::currentDateTimeUtc(), officerId,
                                   QStringLiteral("trust-anchor-added"), anchor.subject});
            }
        });
    });
    return added;
}

storage::TrustAnchorRecord TrustAnchorImport::recordOf(const QByteArray& der,
                                                       const QString& addedBy)
{
    const auto facts = signing::CertificateFacts::read(der);
    storage::TrustAnchorRecord anchor;
    anchor.sha256 = QCryptographicHash::hash(der, QCryptographicHash::Sha256);
    anchor.subject = facts ? facts->subjectCommonName : QString();
    anchor.notAfter = facts ? facts->notAfter : QDateTime();
    anchor.certificate = der;
    anchor.addedBy = addedBy;
    return anchor;
}

QList<QByteArray> TrustAnchorImport::anchorsOf(storage::Store& store)
{
    QList<QByteArray> anchors;
    for (const storage::TrustAnchorRecord& anchor :
         StoreAccess::guarded([&] { return store.trustAnchors(); }))
        anchors.append(anchor.certificate);
    return anchors;
}

} // namespace sohoa::usecases
