// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/HubPins.h"

#include "domain/UserError.h"
#include "usecases/AuditTrail.h"
#include "usecases/StoreAccess.h"

#include <QRegularExpression>

namespace sohoa::usecases {

namespace {
constexpr auto kPinsSetting = "sync.hub-pins";
}

QStringList HubPins::saved(storage::Store& store)
{
    const QString kept = StoreAccess::guarded([&] {
                             return store.setting(QString::fromLatin1(kPinsSetting));
                         }).value_or(QString());
    return kept.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

void HubPins::keep(storage::Store& store, const QStringList& pins, const QString& officerId)
{
    static const QRegularExpression form(QStringLiteral("^sha256/[A-Za-z0-9+/]{43}=$"));
    if (pins.size() > kMostPins)
        throw UserError(ErrorKind::InvalidInput,
                        tr("At most %1 pins: the hub's current key and its next.").arg(kMostPins));
    for (const QString& pin : pins)
        if (!form.match(pin).hasMatch())
            throw UserError(ErrorKind::InvalidInput,
                            tr("\"%1\" is not a key pin: it is written sha256/ and 44 base64 "
                               "characters (docs/HUB.md shows how to compute it).")
                                .arg(pin));
    if (saved(store) == pins)
        return;
    StoreAccess::guarded([&] {
        recordSettingChange(store, officerId, QString::fromLatin1(kPinsSetting),
                            pins.join(QLatin1Char(' ')),
                            QStringLiteral("sync.hub-pins=%1 pin(s)").arg(pins.size()));
    });
}

} // namespace sohoa::usecases
