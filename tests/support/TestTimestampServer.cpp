// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/TestTimestampServer.h"

#include "support/TestCertificateAuthority.h"
#include "support/ToolRunner.h"

#include <QFile>
#include <QHostAddress>
#include <QMutex>
#include <QMutexLocker>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <optional>
#include <stdexcept>

namespace sohoa::testing {

namespace {

enum class AnswerKind
{
    Timestamp,
    TamperedTimestamp,
    Fixed,
    Nothing,
};

struct Answer
{
    AnswerKind kind = AnswerKind::Timestamp;
    int httpStatus = 200;
    QByteArray body;
};

constexpr int kHttpOk = 200;
constexpr int kHttpServerError = 500;

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// The [tsa] section `openssl ts -reply` reads; the ESS certificate ID uses SHA-256 (v2).
QByteArray tsaConfiguration(const QString& directory)
{
    return QStringLiteral("[ tsa ]\n"
                          "default_tsa = test_tsa\n"
                          "[ test_tsa ]\n"
                          "dir = %1\n"
                          "serial = $dir/serial\n"
                          "signer_cert = $dir/tsa.pem\n"
                          "signer_key = $dir/tsa-key.pem\n"
                          "signer_digest = sha256\n"
                          "default_policy = 1.2.3.4.1\n"
                          "digests = sha256, sha384, sha512\n"
                          "accuracy = secs:1\n"
                          "ordering = yes\n"
                          "tsa_name = yes\n"
                          "ess_cert_id_alg = sha256\n")
        .arg(directory)
        .toUtf8();
}

// The body of a complete request in `received` (headers and Content-Length bytes), if any.
std::optional<QByteArray> completeBody(const QByteArray& received)
{
    const qsizetype headerEnd = received.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return std::nullopt;
    qsizetype length = 0;
    for (const QByteArray& line : received.left(headerEnd).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 &&
            line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0)
            length = line.mid(colon + 1).trimmed().toLongLong();
    }
    const qsizetype bodyStart = headerEnd + 4;
    if (received.size() - bodyStart < length)
        return std::nullopt;
    return received.mid(bodyStart, length);
}

QByteArray httpResponse(int status, const QByteArray& body)
{
    const QByteArray reason = status == kHttpOk ? "OK" : "Error";
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
           "\r\nContent-Type: application/timestamp-reply\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace

struct TestTimestampServer::State
{
    QTemporaryDir directory;
    QByteArray tsaCertificate;
    quint16 port = 0;

    QThread thread;
    QObject* threadContext = nullptr; // lives in `thread`; the server's calls run through it
    QTcpServer* server = nullptr;     // created, used and deleted in `thread`

    mutable QMutex mutex; // guards the members below, shared with the test's thread
    Answer answer;
    int requests = 0;
    QByteArray lastResponse;

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
                if (const std::optional<QByteArray> body = completeBody(*received)) {
                    received->clear();
                    answerRequest(socket, *body);
                }
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    void answerRequest(QTcpSocket* socket, const QByteArray& request)
    {
        Answer current;
        {
            const QMutexLocker lock(&mutex);
            current = answer;
            ++requests;
        }
        if (current.kind == AnswerKind::Nothing)
            return;
        if (current.kind == AnswerKind::Timestamp ||
            current.kind == AnswerKind::TamperedTimestamp) {
            std::optional<QByteArray> reply = signedReply(request);
            // The reply ends with the token's signature value: its last byte breaks only that.
            if (reply && current.kind == AnswerKind::TamperedTimestamp)
                reply->back() = static_cast<char>(reply->back() ^ 0x01);
            current.httpStatus = reply ? kHttpOk : kHttpServerError;
            current.body = reply.value_or(QByteArray());
        }
        {
            const QMutexLocker lock(&mutex);
            lastResponse = current.body;
        }
        socket->write(httpResponse(current.httpStatus, current.body));
        socket->disconnectFromHost();
    }

    // Runs in the server's thread: the client blocked in its own loop does not hold it up.
    std::optional<QByteArray> signedReply(const QByteArray& request)
    {
        const QString requestPath = directory.filePath(QStringLiteral("request.tsq"));
        const QString replyPath = directory.filePath(QStringLiteral("reply.tsr"));
        QFile::remove(replyPath);
        if (!writeFile(requestPath, request)) {
            qWarning("test TSA: cannot write the request to %s", qPrintable(requestPath));
            return std::nullopt;
        }
        const ToolResult result =
            runTool(QStringLiteral("openssl"),
                    {QStringLiteral("ts"), QStringLiteral("-reply"), QStringLiteral("-config"),
                     directory.filePath(QStringLiteral("tsa.cnf")), QStringLiteral("-queryfile"),
                     requestPath, QStringLiteral("-out"), replyPath});
        QFile reply(replyPath);
        if (result.exitCode != 0 || !reply.open(QIODevice::ReadOnly)) {
            qWarning("test TSA: openssl ts -reply failed: %s", result.err.constData());
            return std::nullopt;
        }
        return reply.readAll();
    }
};

TestTimestampServer::TestTimestampServer(const TestCertificateAuthority& authority)
    : state_(std::make_unique<State>())
{
    if (!state_->directory.isValid())
        throw std::runtime_error("test TSA: no temporary directory");
    CertificateRequest request;
    request.commonName = QStringLiteral("SoHoa Test TSA");
    request.organization = QStringLiteral("SoHoa Test PKI");
    request.timeStamping = true;
    const IssuedCertificate tsa = authority.issue(request);
    state_->tsaCertificate = tsa.certificateDer;
    const QTemporaryDir& directory = state_->directory;
    if (!writeFile(directory.filePath(QStringLiteral("tsa.pem")),
                   TestCertificateAuthority::toPem(tsa.certificateDer)) ||
        !writeFile(directory.filePath(QStringLiteral("tsa-key.pem")), tsa.privateKeyPem) ||
        !writeFile(directory.filePath(QStringLiteral("serial")), "01\n") ||
        !writeFile(directory.filePath(QStringLiteral("tsa.cnf")),
                   tsaConfiguration(directory.path())))
        throw std::runtime_error("test TSA: cannot write its files");

    state_->thread.start();
    state_->threadContext = new QObject;
    state_->threadContext->moveToThread(&state_->thread);
    State* state = state_.get();
    QMetaObject::invokeMethod(
        state->threadContext, [state] { state->listen(); }, Qt::BlockingQueuedConnection);
    if (state_->port == 0)
        throw std::runtime_error("test TSA: cannot listen on 127.0.0.1");
}

TestTimestampServer::~TestTimestampServer()
{
    State* state = state_.get();
    QMetaObject::invokeMethod(
        state->threadContext, [state] { delete state->server; }, Qt::BlockingQueuedConnection);
    state_->thread.quit();
    state_->thread.wait();
    delete state_->threadContext;
}

QUrl TestTimestampServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/tsa").arg(state_->port));
}

QByteArray TestTimestampServer::tsaCertificateDer() const
{
    return state_->tsaCertificate;
}

void TestTimestampServer::answerWithTimestamps()
{
    const QMutexLocker lock(&state_->mutex);
    state_->answer = Answer{};
}

void TestTimestampServer::answerWithTamperedTimestamps()
{
    const QMutexLocker lock(&state_->mutex);
    state_->answer = Answer{AnswerKind::TamperedTimestamp, 0, {}};
}

void TestTimestampServer::answerWith(int httpStatus, const QByteArray& body)
{
    const QMutexLocker lock(&state_->mutex);
    state_->answer = Answer{AnswerKind::Fixed, httpStatus, body};
}

void TestTimestampServer::answerNothing()
{
    const QMutexLocker lock(&state_->mutex);
    state_->answer = Answer{AnswerKind::Nothing, 0, {}};
}

int TestTimestampServer::requestCount() const
{
    const QMutexLocker lock(&state_->mutex);
    return state_->requests;
}

QByteArray TestTimestampServer::lastResponse() const
{
    const QMutexLocker lock(&state_->mutex);
    return state_->lastResponse;
}

} // namespace sohoa::testing
