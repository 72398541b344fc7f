// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/HubClient.h"

#include "platform/NetworkWait.h"
#include "platform/Translations.h"
#include "sync/BandwidthLimit.h"
#include "sync/CertificatePin.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <memory>

namespace sohoa::sync {

QString HubResponse::errorCode() const
{
    return json.value("error").toObject().value("code").toString();
}

QString HubResponse::errorMessage() const
{
    const QJsonObject error = json.value("error").toObject();
    // The language the officer chose (SOHOA_LANG), as for the workstation's own messages.
    const bool vietnamese = platform::userLanguage() == QLatin1String("vi");
    const QString message = error.value(vietnamese ? "message_vi" : "message").toString();
    return message.isEmpty() ? error.value("message").toString() : message;
}

bool HubResponse::retryable() const
{
    return status == 0 || status == 408 || status == 429 || (status >= 500 && status != 501);
}

QString HubResponse::failure() const
{
    if (status == 0)
        return networkError;
    const QString message = errorMessage();
    return message.isEmpty() ? HubClient::tr("The hub answered HTTP %1.").arg(status) : message;
}

QString HubResponse::stopsRunBecause() const
{
    if (pinMismatch)
        return QStringLiteral("tls-pin-mismatch");
    return status == 401 ? QStringLiteral("unauthorized") : QString();
}

HubClient::HubClient(HubConnection connection)
    : connection_(std::move(connection)), network_(std::make_unique<QNetworkAccessManager>()),
      bandwidth_(std::make_unique<BandwidthLimit>(connection_.bandwidthKbps))
{
}

HubClient::~HubClient() = default;

HubResponse HubClient::send(const HubRequest& call) const
{
    QUrl url = connection_.server;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + call.path.section(QLatin1Char('?'), 0, 0));
    if (call.path.contains(QLatin1Char('?')))
        url.setQuery(call.path.section(QLatin1Char('?'), 1));
    QNetworkRequest request(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!connection_.caCertificates.isEmpty())
        tls.addCaCertificates(QSslCertificate::fromData(connection_.caCertificates));
    request.setSslConfiguration(tls);
    if (!connection_.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + connection_.token.toUtf8());
    for (auto header = call.headers.begin(); header != call.headers.end(); ++header)
        request.setRawHeader(header.key(), header.value());

    bandwidth_->take(call.body.size());
    // HEAD and GET through their own calls: as a custom verb Qt would wait for a HEAD's body.
    const std::unique_ptr<QNetworkReply> reply(
        call.method == "HEAD"  ? network_->head(request)
        : call.method == "GET" ? network_->get(request)
                               : network_->sendCustomRequest(request, call.method, call.body));
    HubResponse response;
    // A new connection's handshake is done and nothing sent yet: the moment to refuse a hub
    // whose key is not pinned, before the token leaves the workstation.
    QObject::connect(reply.get(), &QNetworkReply::encrypted, reply.get(), [&] {
        if (connection_.pins.isEmpty())
            return;
        const QString pin = certificatePin(reply->sslConfiguration().peerCertificate().toDer());
        if (!connection_.pins.contains(pin)) {
            response.pinMismatch = true;
            reply->abort();
        }
    });
    const bool answered = platform::waitForReply(*reply, connection_.timeout);
    if (response.pinMismatch) {
        response.networkError =
            tr("The provincial hub's certificate does not carry the pinned key; nothing was "
               "sent. Ask the province's IT team before syncing again.");
        return response;
    }
    if (!answered) {
        response.networkError = tr("The provincial hub did not answer within %1 s.")
                                    .arg(connection_.timeout.count() / 1000);
        return response;
    }
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (response.status == 0) {
        response.networkError = reply->errorString();
        return response;
    }
    for (const auto& [name, value] : reply->rawHeaderPairs())
        response.headers.insert(name.toLower(), value);
    response.body = reply->readAll();
    bandwidth_->take(response.body.size());
    response.json = QJsonDocument::fromJson(response.body).object();
    bool isNumber = false;
    const int retryAfter = response.header("Retry-After").toInt(&isNumber);
    if (isNumber)
        response.retryAfter = std::chrono::seconds(retryAfter);
    response.replay = response.header("Idempotent-Replay") == "true";
    return response;
}

HubResponse HubClient::get(const QString& path) const
{
    return send(HubRequest{"GET", path, {}, {}});
}

HubResponse HubClient::postJson(const QString& path, const QByteArray& body,
                                const QString& idempotencyKey) const
{
    HubRequest request{"POST", path, {{"Content-Type", "application/json"}}, body};
    if (!idempotencyKey.isEmpty())
        request.headers.insert("Idempotency-Key", idempotencyKey.toUtf8());
    return send(request);
}

} // namespace sohoa::sync
