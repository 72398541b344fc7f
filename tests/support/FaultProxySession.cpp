// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/FaultProxySession.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>
#include <QTimer>
#include <utility>

namespace sohoa::testing {

namespace {

// The hub's own 503 (docs/SYNC-PROTOCOL.md §10.1), as a load balancer in front of it would
// answer while the hub is away.
HttpMessage unavailable(int retryAfterSeconds)
{
    const QJsonObject error{
        {"code", "unavailable"},
        {"message", "The hub is unavailable for a moment (fault injected by the test proxy)."},
        {"message_vi", "Máy chủ tạm thời không phục vụ được, vui lòng thử lại sau."},
        {"details", QJsonObject{}}};
    QByteArray body = QJsonDocument(QJsonObject{{"error", error}}).toJson(QJsonDocument::Compact);
    return HttpMessage{"HTTP/1.1 503 Service Unavailable\r\n"
                       "Content-Type: application/json\r\n"
                       "Retry-After: " +
                           QByteArray::number(retryAfterSeconds) +
                           "\r\n"
                           "Content-Length: " +
                           QByteArray::number(body.size()) + "\r\n\r\n",
                       body};
}

// The first part of `request`: half its body, or half its head when it has no body, so that
// the hub always sees a request that stops before its end.
QByteArray cutShort(const HttpMessage& request)
{
    if (request.body.isEmpty())
        return request.head.left(request.head.size() / 2);
    return request.head + request.body.left(request.body.size() / 2);
}

} // namespace

FaultProxySession::FaultProxySession(QSslSocket* client, Upstream upstream, Chooser choose,
                                     QObject* parent)
    : QObject(parent), client_(client), target_(std::move(upstream)), choose_(std::move(choose))
{
    client_->setParent(this);
    connect(client_, &QSslSocket::readyRead, this, [this] {
        fromClient_ += client_->readAll();
        takeNextRequest();
    });
    connect(client_, &QSslSocket::disconnected, this, &QObject::deleteLater);
    if (client_->state() != QAbstractSocket::ConnectedState) {
        deleteLater();
        return;
    }
    // Bytes that came with the handshake were there before readyRead was connected.
    fromClient_ += client_->readAll();
    takeNextRequest();
}

void FaultProxySession::takeNextRequest()
{
    if (busy_)
        return;
    const std::optional<HttpMessage> request = takeRequest(fromClient_);
    if (!request)
        return;
    busy_ = true;
    act(choose_(*request), *request);
}

void FaultProxySession::act(const FaultAction& action, const HttpMessage& request)
{
    const auto pass = [this](const HttpMessage& response) { answer(response); };
    switch (action.fault) {
    case Fault::None:
        exchange(request, pass);
        return;
    case Fault::Delay:
        QTimer::singleShot(action.delayMs, this,
                           [this, request, pass] { exchange(request, pass); });
        return;
    case Fault::ServerError:
        answer(unavailable(action.retryAfterSeconds));
        return;
    case Fault::DropResponse:
        // The hub has answered, so it has committed; the client never hears of it.
        exchange(request, [this](const HttpMessage&) { closeBoth(); });
        return;
    case Fault::Duplicate:
        exchange(request, [this, request,
                           first = action.answerFirstCopy](const HttpMessage& firstResponse) {
            exchange(request, [this, first, firstResponse](const HttpMessage& secondResponse) {
                answer(first ? firstResponse : secondResponse);
            });
        });
        return;
    case Fault::CutRequest:
        sendUpstream(cutShort(request), [this] { closeBoth(); });
        return;
    }
}

void FaultProxySession::exchange(const HttpMessage& request, ResponseHandler handler)
{
    pendingMethod_ = request.method();
    pendingHandler_ = std::move(handler);
    sendUpstream(request.bytes(), {});
}

void FaultProxySession::sendUpstream(const QByteArray& bytes, std::function<void()> then)
{
    if (!upstream_) {
        upstream_ = new QSslSocket(this);
        upstream_->setSslConfiguration(target_.tls);
        connect(upstream_, &QSslSocket::encrypted, this, [this] {
            upstream_->write(std::exchange(awaitingEncryption_, {}));
            if (const std::function<void()> next = std::exchange(afterEncryption_, {}))
                next();
        });
        connect(upstream_, &QSslSocket::readyRead, this, &FaultProxySession::readUpstream);
        connect(upstream_, &QSslSocket::disconnected, this, &FaultProxySession::upstreamGone);
        connect(upstream_, &QSslSocket::errorOccurred, this, &FaultProxySession::upstreamGone);
        upstream_->connectToHostEncrypted(target_.host, target_.port);
    }
    if (!upstream_->isEncrypted()) {
        awaitingEncryption_ += bytes;
        afterEncryption_ = std::move(then);
        return;
    }
    upstream_->write(bytes);
    if (then)
        then();
}

void FaultProxySession::readUpstream()
{
    fromUpstream_ += upstream_->readAll();
    if (!pendingHandler_)
        return;
    const std::optional<HttpMessage> response = takeResponse(fromUpstream_, pendingMethod_);
    if (!response)
        return;
    const ResponseHandler handler = std::exchange(pendingHandler_, {});
    if (response->closesConnection())
        dropUpstream();
    handler(*response);
}

void FaultProxySession::upstreamGone()
{
    const bool midRequest = pendingHandler_ || !awaitingEncryption_.isEmpty();
    dropUpstream();
    // The hub went away with a request in flight: the client loses it as it would without us.
    if (midRequest)
        closeBoth();
}

void FaultProxySession::dropUpstream()
{
    if (!upstream_)
        return;
    upstream_->disconnect(this);
    // Detached so that what was written still goes out (a cut request's first part) after this
    // session is gone; it deletes itself once closed.
    upstream_->setParent(parent());
    connect(upstream_, &QSslSocket::disconnected, upstream_, &QObject::deleteLater);
    upstream_->disconnectFromHost();
    if (upstream_->state() == QAbstractSocket::UnconnectedState)
        upstream_->deleteLater();
    upstream_ = nullptr;
    fromUpstream_.clear();
    awaitingEncryption_.clear();
    afterEncryption_ = {};
    pendingHandler_ = {};
}

void FaultProxySession::answer(const HttpMessage& response)
{
    if (client_->state() != QAbstractSocket::ConnectedState)
        return;
    client_->write(response.bytes());
    busy_ = false;
    if (response.closesConnection()) {
        client_->disconnectFromHost();
        return;
    }
    takeNextRequest();
}

void FaultProxySession::closeBoth()
{
    dropUpstream();
    busy_ = true; // nothing more is read from this client
    client_->disconnectFromHost();
    if (client_->state() == QAbstractSocket::UnconnectedState)
        deleteLater();
}

} // namespace sohoa::testing
