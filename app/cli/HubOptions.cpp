// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/HubOptions.h"

#include "cli/CliContext.h"
#include "domain/UserError.h"
#include "usecases/Enrolment.h"
#include "usecases/HubPins.h"
#include "usecases/HubToken.h"

#include <QFile>

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
                                       "enrol it with the province's code (sohoa-cli enrol), or "
                                       "set %1 to a token the province issued.")
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

sync::HubConnection hubAddress(const QCommandLineParser& parser, const QString& saved,
                               const QByteArray& savedCa)
{
    const QString server =
        parser.isSet(QStringLiteral("server")) ? parser.value(QStringLiteral("server")) : saved;
    if (server.isEmpty())
        CliContext::usageError(CliContext::tr("--server is required (this workstation has not "
                                              "enrolled with a hub yet)."));
    sync::HubConnection connection;
    connection.server = QUrl(server, QUrl::StrictMode);
    if (!connection.server.isValid() || connection.server.scheme() != QLatin1String("https"))
        CliContext::usageError(CliContext::tr(
            "--server needs the hub's https:// address, e.g. https://hub.example.vn."));
    connection.caCertificates = savedCa;
    if (parser.isSet(QStringLiteral("ca-file"))) {
        QFile pem(parser.value(QStringLiteral("ca-file")));
        if (!pem.open(QIODevice::ReadOnly))
            CliContext::usageError(CliContext::tr("--ca-file: cannot read %1 (%2).")
                                       .arg(pem.fileName(), pem.errorString()));
        connection.caCertificates = pem.readAll();
    }
    return connection;
}

QStringList hubPins(const QCommandLineParser& parser, storage::Store& store)
{
    if (parser.isSet(QStringLiteral("pin")))
        usecases::HubPins::keep(store, parser.values(QStringLiteral("pin")), store.unlockedSlot());
    return usecases::HubPins::saved(store);
}

sync::HubConnection hubConnection(const QCommandLineParser& parser, storage::Store& store)
{
    sync::HubConnection connection = hubAddress(parser, usecases::Enrolment::savedServer(store),
                                                usecases::Enrolment::savedCaCertificates(store));
    connection.pins = hubPins(parser, store);
    connection.token = workstationToken(store);
    return connection;
}

} // namespace sohoa::cli
