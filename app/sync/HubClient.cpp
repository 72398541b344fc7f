// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/HubClient.h"

#include "platform/NetworkWait.h"

#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <functional>
#include <memory>

namespace sohoa::sync {

namespace {

QNetworkRequest requestFor(const HubConnection& connection, const QString& path)
{
    QUrl url = connection.server;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    QNetworkRequest request(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!connection.caFile.isEmpty())
        tls.addCaCertificates(connection.caFile);
    request.setSslConfiguration(tls);
    request.setTransferTimeout(static_cast<int>(connection.timeout.count()));
    if (!connection.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + connection.token.toUtf8());
    return request;
}

HubResponse exchange(const HubConnection& connection, QNetworkAccessManager& network,
                     const std::function<QNetworkReply*(QNetworkAccessManager&)>& send)
{
    const std::unique_ptr<QNetworkReply> reply(send(network));
    HubResponse response;
    if (!platform::waitForReply(*reply, connection.timeout)) {
        response.networkError = HubClient::tr("The provincial hub did not answer within %1 s.")
                                    .arg(connection.timeout.count() / 1000);
        return response;
    }
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (response.status == 0) {
        response.networkError = reply->errorString();
        return response;
    }
    response.json = QJsonDocument::fromJson(reply->readAll()).object();
    bool isNumber = false;
    const int retryAfter = reply->rawHeader("Retry-After").toInt(&isNumber);
    if (isNumber)
        response.retryAfter = std::chrono::seconds(retryAfter);
    response.replay = reply->rawHeader("Idempotent-Replay") == "true";
    return response;
}

} // namespace

QString HubResponse::errorCode() const
{
    return json.value("error").toObject().value("code").toString();
}

QString HubResponse::errorMessage() const
{
    const QJsonObject error = json.value("error").toObject();
    const bool vietnamese = QLocale().language() == QLocale::Vietnamese;
    const QString message = error.value(vietnamese ? "message_vi" : "message").toString();
    return message.isEmpty() ? error.value("message").toString() : message;
}

HubClient::HubClient(HubConnection connection)
    : connection_(std::move(connection)), network_(std::make_unique<QNetworkAccessManager>())
{
}

HubClient::~HubClient() = default;

HubResponse HubClient::get(const QString& path) const
{
    return exchange(connection_, *network_, [&](QNetworkAccessManager& network) {
        return network.get(requestFor(connection_, path));
    });
}

HubResponse HubClient::postJson(const QString& path, const QByteArray& body,
                                const QString& idempotencyKey) const
{
    return exchange(connection_, *network_, [&](QNetworkAccessManager& network) {
        QNetworkRequest request = requestFor(connection_, path);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!idempotencyKey.isEmpty())
            request.setRawHeader("Idempotency-Key", idempotencyKey.toUtf8());
        return network.post(request, body);
    });
}

} // namespace sohoa::sync
