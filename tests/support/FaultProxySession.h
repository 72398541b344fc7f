// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "support/FaultPolicy.h"
#include "support/HttpMessage.h"

#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <functional>

class QSslSocket;

namespace sohoa::testing {

// One client connection of FaultProxy, with its own keep-alive connection to the hub: takes the
// client's requests one at a time, asks `choose` what to do to each and acts it out. Lives on
// the proxy's thread and deletes itself when the client goes away.
class FaultProxySession : public QObject
{
public:
    struct Upstream
    {
        QString host;
        quint16 port = 0;
        QSslConfiguration tls; // trusts the hub's CA
    };
    using Chooser = std::function<FaultAction(const HttpMessage& request)>;

    FaultProxySession(QSslSocket* client, Upstream upstream, Chooser choose, QObject* parent);

private:
    using ResponseHandler = std::function<void(const HttpMessage& response)>;

    void takeNextRequest();
    void act(const FaultAction& action, const HttpMessage& request);
    // Sends `request` to the hub and hands its complete response to `handler`.
    void exchange(const HttpMessage& request, ResponseHandler handler);
    // Writes `bytes` to the hub, connecting first when needed, then runs `then` (if any).
    void sendUpstream(const QByteArray& bytes, std::function<void()> then);
    void readUpstream();
    void upstreamGone();
    void dropUpstream();
    void answer(const HttpMessage& response);
    void closeBoth();

    QSslSocket* client_;
    QSslSocket* upstream_ = nullptr; // connected on demand, again after the hub closed it
    Upstream target_;
    Chooser choose_;
    QByteArray fromClient_;
    QByteArray fromUpstream_;
    QByteArray awaitingEncryption_; // written once the upstream handshake is done
    std::function<void()> afterEncryption_;
    bool busy_ = false; // a request is being acted out; the next ones wait
    QByteArray pendingMethod_;
    ResponseHandler pendingHandler_; // set while a response from the hub is awaited
};

} // namespace sohoa::testing
