// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/TestTimestampServer.h"

#include "support/TestCertificateAuthority.h"
#include "support/TestHttpServer.h"
#include "support/ToolRunner.h"

#include <QFile>
#include <QMutex>
#include <QMutexLocker>
#include <QTemporaryDir>
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

} // namespace

struct TestTimestampServer::State
{
    QTemporaryDir directory;
    QByteArray tsaCertificate;

    mutable QMutex mutex; // guards the members below, shared with the test's thread
    Answer answer;
    int requests = 0;
    QByteArray lastResponse;

    // Last: it stops serving before the members its requests use go away.
    std::unique_ptr<TestHttpServer> http;

    std::optional<HttpAnswer> answerRequest(const QByteArray& request)
    {
        Answer current;
        {
            const QMutexLocker lock(&mutex);
            current = answer;
            ++requests;
        }
        if (current.kind == AnswerKind::Nothing)
            return std::nullopt;
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
        return HttpAnswer{current.httpStatus, "application/timestamp-reply", current.body};
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

    State* state = state_.get();
    state_->http = std::make_unique<TestHttpServer>(
        [state](const HttpRequest& query) { return state->answerRequest(query.body); });
}

TestTimestampServer::~TestTimestampServer() = default;

QUrl TestTimestampServer::url() const
{
    return state_->http->url(QStringLiteral("/tsa"));
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
