// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/TestHttpServer.h"

#include "support/HttpMessage.h"
#include "support/ServiceThread.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <stdexcept>

namespace sohoa::testing {

namespace {

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

    ServiceThread thread;
    QTcpServer* server = nullptr; // created, used and deleted in `thread`

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
                if (const std::optional<HttpMessage> request = takeRequest(*received)) {
                    received->clear();
                    if (const std::optional<HttpAnswer> reply = answer(
                            HttpRequest{request->method(), request->target(), request->body})) {
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
    State* state = state_.get();
    state->thread.run([state] { state->listen(); });
    if (state_->port == 0)
        throw std::runtime_error("test HTTP server: cannot listen on 127.0.0.1");
}

TestHttpServer::~TestHttpServer()
{
    State* state = state_.get();
    state->thread.run([state] { delete state->server; });
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
