// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/FaultProxy.h"

#include "support/FaultProxySession.h"
#include "support/ServiceThread.h"

#include <QFile>
#include <QMutex>
#include <QMutexLocker>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <array>
#include <atomic>
#include <deque>
#include <random>
#include <stdexcept>

namespace sohoa::testing {

namespace {

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("fault proxy: cannot read " + path.toStdString());
    return file.readAll();
}

// The proxy's side towards the client: the given certificate and key, HTTP/1.1 only (a client
// offering h2 falls back, as the hub speaks only HTTP/1.1 too).
QSslConfiguration serverTls(const QString& certificateFile, const QString& keyFile)
{
    const QByteArray pem = readFile(keyFile);
    QSslKey key(pem, QSsl::Ec);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Rsa);
    const QList<QSslCertificate> chain = QSslCertificate::fromData(readFile(certificateFile));
    if (key.isNull() || chain.isEmpty())
        throw std::runtime_error("fault proxy: no certificate or key in " +
                                 certificateFile.toStdString() + ", " + keyFile.toStdString());
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    tls.setAllowedNextProtocols({QSslConfiguration::NextProtocolHttp1_1});
    return tls;
}

QSslConfiguration clientTls(const QString& caFile)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromData(readFile(caFile)));
    return tls;
}

} // namespace

struct FaultProxy::State
{
    FaultProxySession::Upstream upstream;
    QSslConfiguration tls;
    quint16 port = 0;

    mutable QMutex mutex; // guards the policy, the generator and the script
    FaultPolicy policy;
    std::mt19937_64 random{policy.seed};
    std::deque<Fault> scripted;
    std::array<std::atomic<int>, kFaultKinds> counts{};
    std::atomic<int> requests{0};
    std::atomic<int> connections{0};
    std::atomic<qint64> patchBodyBytes{0};

    // Last: its thread stops before the members the sessions use go away.
    ServiceThread thread;
    QSslServer* server = nullptr; // created, used and deleted in `thread`; owns the sessions

    void listen()
    {
        server = new QSslServer;
        server->setSslConfiguration(tls);
        // Emitted once a client's handshake is done (newConnection comes before it).
        QObject::connect(server, &QTcpServer::pendingConnectionAvailable, server,
                         [this] { acceptAll(); });
        if (server->listen(QHostAddress::LocalHost))
            port = server->serverPort();
    }

    void acceptAll()
    {
        while (QTcpSocket* socket = server->nextPendingConnection()) {
            ++connections;
            new FaultProxySession(
                static_cast<QSslSocket*>(socket), upstream,
                [this](const HttpMessage& request) {
                    if (request.method() == "PATCH")
                        patchBodyBytes += request.body.size();
                    return choose();
                },
                server);
        }
    }

    FaultAction choose()
    {
        QMutexLocker lock(&mutex);
        FaultAction action{Fault::None, policy.delayMs, policy.retryAfterSeconds,
                           policy.duplicateAnswersFirst};
        if (!scripted.empty()) {
            action.fault = scripted.front();
            scripted.pop_front();
        } else {
            action.fault = draw();
        }
        ++requests;
        ++counts.at(static_cast<std::size_t>(action.fault));
        return action;
    }

    Fault draw()
    {
        double roll = std::uniform_real_distribution<double>(0.0, 1.0)(random);
        const std::array<std::pair<double, Fault>, kFaultKinds - 1> chances{{
            {policy.cutRequest, Fault::CutRequest},
            {policy.dropResponse, Fault::DropResponse},
            {policy.duplicate, Fault::Duplicate},
            {policy.serverError, Fault::ServerError},
            {policy.delay, Fault::Delay},
        }};
        for (const auto& [chance, fault] : chances) {
            if (roll < chance)
                return fault;
            roll -= chance;
        }
        return Fault::None;
    }
};

FaultProxy::FaultProxy(const QUrl& upstream, const QString& certificateFile, const QString& keyFile,
                       const QString& upstreamCaFile)
    : state_(std::make_unique<State>())
{
    state_->upstream = {upstream.host(), static_cast<quint16>(upstream.port(443)),
                        clientTls(upstreamCaFile)};
    state_->tls = serverTls(certificateFile, keyFile);
    State* state = state_.get();
    state->thread.run([state] { state->listen(); });
    if (state_->port == 0)
        throw std::runtime_error("fault proxy: cannot listen on 127.0.0.1");
}

FaultProxy::~FaultProxy()
{
    // Closes the listener, every client connection and every connection to the hub.
    State* state = state_.get();
    state->thread.run([state] { delete state->server; });
}

QString FaultProxy::url() const
{
    return QStringLiteral("https://127.0.0.1:%1").arg(state_->port);
}

void FaultProxy::setPolicy(const FaultPolicy& policy)
{
    QMutexLocker lock(&state_->mutex);
    state_->policy = policy;
    state_->random.seed(policy.seed);
}

void FaultProxy::script(std::initializer_list<Fault> faults)
{
    QMutexLocker lock(&state_->mutex);
    state_->scripted.insert(state_->scripted.end(), faults);
}

qint64 FaultProxy::patchBodyBytes() const
{
    return state_->patchBodyBytes;
}

int FaultProxy::requests() const
{
    return state_->requests;
}

int FaultProxy::connections() const
{
    return state_->connections;
}

int FaultProxy::injected(Fault fault) const
{
    return state_->counts.at(static_cast<std::size_t>(fault));
}

int FaultProxy::injectedTotal() const
{
    return requests() - injected(Fault::None);
}

} // namespace sohoa::testing
