// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/TestHttpServer.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <stdexcept>

namespace sohoa::testing {

namespace {

// The request in `received` once its headers and Content-Length bytes are all there.
std::optional<HttpRequest> completeRequest(const QByteArray& received)
{
    const qsizetype headerEnd = received.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return std::nullopt;
    const QList<QByteArray> lines = received.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.front().trimmed().split(' ');
    qsizetype length = 0;
    for (const QByteArray& line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 &&
            line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0)
            length = line.mid(colon + 1).trimmed().toLongLong();
    }
    const qsizetype bodyStart = headerEnd + 4;
    if (received.size() - bodyStart < length)
        return std::nullopt;
    return HttpRequest{requestLine.value(0), requestLine.value(1), received.mid(bodyStart, length)};
}

QByteArray httpResponse(const HttpAnswer& answer)
{
    const QByteArray reason = answer.status == 200 ? "OK" : "Error";
    return "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + reason +
           "\r\nContent-Type: " + answer.contentType +
           "\r\nContent-Length: " + QByteArray::number(answer.body.size()) +
           "\r\nConnection: close\r\n\r\n" + answer.body;
}

} // namespace

struct TestHttpServer::State
{
    Answerer answer;
    quint16 port = 0;

    QThread thread;
    QObject* threadContext = nullptr; // lives in `thread`; the server's calls run through it
    QTcpServer* server = nullptr;     // created, used and deleted in `thread`

    void listen()
    {
        server = new QTcpServer;
        QObject::connect(server, &QTcpServer::newConnection, server, [this] { acceptAll(); });
        if (server->listen(QHostAddress::LocalHost))
            port = server->serverPort();
    }

    void acceptAll()
    {
        while (QTcpSocket* socket = server->nextPendingConnection()) {
            auto received = std::make_shared<QByteArray>();
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, received] {
                *received += socket->readAll();
                if (const std::optional<HttpRequest> request = completeRequest(*received)) {
                    received->clear();
                    if (const std::optional<HttpAnswer> reply = answer(*request)) {
                        socket->write(httpResponse(*reply));
                        socket->disconnectFromHost();
                    }
                }
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }
};

TestHttpServer::TestHttpServer(Answerer answer) : state_(std::make_unique<State>())
{
    state_->answer = std::move(answer);
    state_->thread.start();
    state_->threadContext = new QObject;
    state_->threadContext->moveToThread(&state_->thread);
    State* state = state_.get();
    QMetaObject::invokeMethod(
        state->threadContext, [state] { state->listen(); }, Qt::BlockingQueuedConnection);
    if (state_->port == 0)
        throw std::runtime_error("test HTTP server: cannot listen on 127.0.0.1");
}

TestHttpServer::~TestHttpServer()
{
    State* state = state_.get();
    QMetaObject::invokeMethod(
        state->threadContext, [state] { delete state->server; }, Qt::BlockingQueuedConnection);
    state_->thread.quit();
    state_->thread.wait();
    delete state_->threadContext;
}

QUrl TestHttpServer::url(const QString& path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(state_->port).arg(path));
}

QUrl closedPortUrl(const QString& path)
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        throw std::runtime_error("cannot bind a local port");
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path));
}

} // namespace sohoa::testing
