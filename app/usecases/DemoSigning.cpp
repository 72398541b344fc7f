// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/DemoSigning.h"

#include "signing/DemoIdentity.h"
#include "usecases/StoreAccess.h"

namespace sohoa::usecases {

std::unique_ptr<signing::SoftwareKeySigner>
demoSigner(storage::Store& store, const QString& officerId, const QString& agencyName)
{
    const QString kind = QString::fromLatin1(signing::DemoIdentity::kKind);
    auto identity = StoreAccess::guarded([&] { return store.signingIdentity(kind); });
    if (!identity) {
        identity = signing::DemoIdentity::create(officerId, agencyName);
        StoreAccess::guarded([&] {
            store.inTransaction([&] {
                store.saveSigningIdentity(*identity);
                store.appendEvent({0, QString(), QDateTime::currentDateTimeUtc(), officerId,
                                   QStringLiteral("demo-identity-created"), QString()});
            });
        });
    }
    return std::make_unique<signing::SoftwareKeySigner>(identity->privateKey,
                                                        identity->certificateChain);
}

} // namespace sohoa::usecases
