// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/HubToken.h"

#include "usecases/StoreAccess.h"

namespace sohoa::usecases {

namespace {
constexpr auto kTokenSetting = "sync.token";
}

QString HubToken::saved(storage::Store& store)
{
    return StoreAccess::guarded([&] { return store.setting(QString::fromLatin1(kTokenSetting)); })
        .value_or(QString());
}

void HubToken::keep(storage::Store& store, const QString& token, const QString& officerId)
{
    if (saved(store) == token)
        return;
    StoreAccess::guarded([&] {
        store.inTransaction([&] {
            write(store, token);
            store.appendEvent({0,
                               QString(),
                               QDateTime::currentDateTimeUtc(),
                               officerId,
                               QStringLiteral("sync-token-saved"),
                               {}});
        });
    });
}

void HubToken::write(storage::Store& store, const QString& token)
{
    store.setSetting(QString::fromLatin1(kTokenSetting), token);
}

} // namespace sohoa::usecases
