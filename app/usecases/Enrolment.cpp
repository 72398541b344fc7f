// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/Enrolment.h"

#include "domain/UserError.h"
#include "domain/VietnamTime.h"
#include "usecases/HubToken.h"
#include "usecases/StoreAccess.h"

#include <QJsonDocument>
#include <QUuid>

namespace sohoa::usecases {

namespace {

constexpr auto kKeySetting = "sync.enrolment.key";
constexpr auto kServerSetting = "sync.server";
constexpr auto kCaSetting = "sync.hub_ca_pem";
constexpr qsizetype kCodeSymbols = 16;
constexpr qsizetype kTokenLength = 43; // 32 bytes, base64url without padding

// The key of the enrolment under way: the one saved by an attempt whose answer never came, or a
// new one, saved before it is sent.
QString idempotencyKey(storage::Store& store)
{
    const QString saved = StoreAccess::setting(store, kKeySetting);
    if (!saved.isEmpty())
        return saved;
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    StoreAccess::guarded([&] {
        store.inTransaction([&] { store.setSetting(QString::fromLatin1(kKeySetting), key); });
    });
    return key;
}

QString compact(const QJsonValue& value)
{
    return QString::fromUtf8(value.isArray()
                                 ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

} // namespace

QString Enrolment::canonicalCode(const QString& typed)
{
    static const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
    QString symbols;
    for (QChar c : typed.toUpper()) {
        if (c == QLatin1Char('-') || c.isSpace())
            continue;
        if (c == QLatin1Char('I') || c == QLatin1Char('L'))
            c = QLatin1Char('1');
        else if (c == QLatin1Char('O'))
            c = QLatin1Char('0');
        if (!alphabet.contains(c) || symbols.size() == kCodeSymbols) {
            symbols.clear();
            break;
        }
        symbols += c;
    }
    if (symbols.size() != kCodeSymbols)
        throw UserError(ErrorKind::InvalidInput,
                        tr("An enrolment code has 16 letters and digits in four groups, e.g. "
                           "7KQ2-M9XD-4HTA-0ZRB; check the one the province gave."));
    return symbols.left(4) + QLatin1Char('-') + symbols.mid(4, 4) + QLatin1Char('-') +
           symbols.mid(8, 4) + QLatin1Char('-') + symbols.mid(12);
}

EnrolledWorkstation Enrolment::enrol(storage::Store& store, const sync::HubClient& hub,
                                     const QString& code, const QString& workstationName,
                                     const QString& officerId)
{
    const QString key = idempotencyKey(store);
    const QJsonObject request{
        {"enrolment_code", canonicalCode(code)},
        {"workstation_name", workstationName},
        {"software_version", QCoreApplication::applicationVersion()},
        {"client_time",
         domain::inVietnamTime(QDateTime::currentDateTimeUtc()).toString(Qt::ISODate)}};
    const sync::HubResponse response =
        hub.postJson(QStringLiteral("/v1/enrolment"),
                     QJsonDocument(request).toJson(QJsonDocument::Compact), key);

    if (response.status == 429)
        throw UserError(
            ErrorKind::AccessDenied,
            tr("Too many wrong enrolment codes were sent from this network; try again "
               "in %1 minutes.")
                .arg((response.retryAfter.value_or(std::chrono::seconds(600)).count() + 59) / 60));
    if (response.retryable())
        throw UserError(ErrorKind::Network,
                        tr("The provincial hub cannot be reached (%1). Run the same command "
                           "again: the code stays usable until it expires.")
                            .arg(response.failure()));
    if (response.status == 403)
        throw UserError(
            ErrorKind::AccessDenied,
            tr("The provincial hub refused the enrolment code: %1").arg(response.failure()));
    if (response.status != 201)
        throw UserError(ErrorKind::InvalidInput,
                        tr("The provincial hub refused the enrolment: %1").arg(response.failure()));

    const QString token = response.json.value("token").toString();
    EnrolledWorkstation enrolled{response.json.value("workstation_id").toString(),
                                 response.json.value("workstation_name").toString(),
                                 response.json.value("agencies").toArray(),
                                 response.json.value("catalogue_revision").toInteger(),
                                 response.json.value("server_time").toString()};
    if (token.size() != kTokenLength || enrolled.workstationId.isEmpty())
        throw UserError(ErrorKind::Network,
                        tr("The provincial hub's answer to the enrolment is incomplete. Run the "
                           "same command again."));

    StoreAccess::guarded([&] {
        store.inTransaction([&] {
            HubToken::write(store, token);
            store.setSetting(QStringLiteral("sync.workstation_id"), enrolled.workstationId);
            store.setSetting(QStringLiteral("sync.workstation_name"), enrolled.workstationName);
            store.setSetting(QString::fromLatin1(kServerSetting),
                             hub.connection().server.toString());
            store.setSetting(QString::fromLatin1(kCaSetting),
                             QString::fromLatin1(hub.connection().caCertificates));
            store.setSetting(QStringLiteral("sync.agencies"), compact(enrolled.agencies));
            store.setSetting(QStringLiteral("sync.settings"),
                             compact(response.json.value("settings")));
            // Done: the next enrolment (a new code) gets a key of its own.
            store.setSetting(QString::fromLatin1(kKeySetting), QString());
            store.appendEvent({0, QString(), QDateTime::currentDateTimeUtc(), officerId,
                               QStringLiteral("workstation-enrolled"), enrolled.workstationId});
        });
    });
    return enrolled;
}

QString Enrolment::savedServer(storage::Store& store)
{
    return StoreAccess::setting(store, kServerSetting);
}

QByteArray Enrolment::savedCaCertificates(storage::Store& store)
{
    return StoreAccess::setting(store, kCaSetting).toLatin1();
}

} // namespace sohoa::usecases
