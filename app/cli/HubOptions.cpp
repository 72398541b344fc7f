// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/HubOptions.h"

#include "cli/CliContext.h"
#include "domain/UserError.h"
#include "usecases/HubPins.h"
#include "usecases/HubToken.h"

namespace sohoa::cli {

namespace {

constexpr auto kTokenVariable = "SOHOA_SYNC_TOKEN";

QString workstationToken(storage::Store& store)
{
    const QString fromEnvironment = qEnvironmentVariable(kTokenVariable);
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString saved = usecases::HubToken::saved(store);
    if (saved.isEmpty())
        throw UserError(ErrorKind::AccessDenied,
                        CliContext::tr("This workstation has no token for the provincial hub: "
                                       "set %1 to the token the province issued.")
                            .arg(QString::fromLatin1(kTokenVariable)));
    return saved;
}

} // namespace

void addHubOptions(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("server"),
                      CliContext::tr("The provincial hub, e.g. https://hub.example.vn."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("ca-file"),
                      CliContext::tr("Also trust this CA for the hub (a dev hub's hub-ca.pem)."),
                      QStringLiteral("PEM")});
    parser.addOption({QStringLiteral("pin"),
                      CliContext::tr("Accept only a hub whose key has this pin (sha256/…; at "
                                     "most two, kept in the store for the next runs)."),
                      QStringLiteral("PIN")});
}

sync::HubConnection hubConnection(const QCommandLineParser& parser, storage::Store& store)
{
    sync::HubConnection connection;
    connection.server =
        QUrl(CliContext::required(parser, QStringLiteral("server")), QUrl::StrictMode);
    if (!connection.server.isValid() || connection.server.scheme() != QLatin1String("https"))
        CliContext::usageError(CliContext::tr(
            "--server needs the hub's https:// address, e.g. https://hub.example.vn."));
    connection.token = workstationToken(store);
    connection.caFile = parser.value(QStringLiteral("ca-file"));
    if (parser.isSet(QStringLiteral("pin")))
        usecases::HubPins::keep(store, parser.values(QStringLiteral("pin")), store.unlockedSlot());
    connection.pins = usecases::HubPins::saved(store);
    return connection;
}

} // namespace sohoa::cli
