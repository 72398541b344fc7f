// SPDX-License-Identifier: GPL-3.0-or-later
#include "DevHub.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>
#include <QUuid>
#include <stdexcept>

namespace sohoa::testing {

namespace {

constexpr int kStartTimeoutMs = 120000;

QString hubProgram()
{
    return QStringLiteral(SOHOA_HUB_PROGRAM);
}

} // namespace

DevHub::DevHub(QString directory) : directory_(std::move(directory)) {}

std::unique_ptr<DevHub> DevHub::startIn(const QTemporaryDir& parent)
{
    QFile::setPermissions(parent.path(), QFile::permissions(parent.path()) | QFile::ExeOther);
    auto hub = std::make_unique<DevHub>(parent.filePath(QStringLiteral("hub")));
    hub->start();
    return hub;
}

DevHub::~DevHub()
{
    if (production_) {
        production_->terminate();
        production_->waitForFinished(30000);
    }
    if (process_ && process_->state() != QProcess::NotRunning)
        stop();
}

void DevHub::start()
{
    process_ = std::make_unique<QProcess>();
    process_->setProcessChannelMode(QProcess::SeparateChannels);
    process_->start(hubProgram(), {QStringLiteral("--dev"), directory_});
    QByteArray printed;
    QElapsedTimer clock;
    clock.start();
    while (!printed.contains("CA certificate:") && clock.elapsed() < kStartTimeoutMs) {
        if (!process_->waitForReadyRead(1000) && process_->state() == QProcess::NotRunning)
            break;
        printed += process_->readAllStandardOutput();
    }
    if (!printed.contains("CA certificate:"))
        throw std::runtime_error("sohoa-hub --dev did not start: " + printed.toStdString() +
                                 process_->readAllStandardError().toStdString());
    for (const QByteArray& line : printed.split('\n')) {
        if (line.contains("listening on "))
            url_ = QString::fromUtf8(line.mid(line.indexOf("https://")));
        if (line.startsWith("PostgreSQL: "))
            conninfo_ = QString::fromUtf8(line.mid(12));
    }
}

void DevHub::stop()
{
    process_->terminate();
    process_->waitForFinished(60000);
}

void DevHub::killHard()
{
    process_->kill();
    process_->waitForFinished(10000);
}

int DevHub::admin(const QStringList& arguments, QByteArray* output) const
{
    QProcess process;
    process.start(hubProgram(), QStringList{QStringLiteral("admin")} + arguments +
                                    QStringList{QStringLiteral("--dev"), directory_});
    process.waitForFinished(60000);
    if (output)
        *output = process.readAllStandardOutput() + process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QString DevHub::addWorkstation(const QString& name, const QString& agency) const
{
    QStringList arguments{QStringLiteral("add-workstation"), name};
    if (!agency.isEmpty())
        arguments << QStringLiteral("--agency") << agency;
    QByteArray output;
    if (admin(arguments, &output) != 0)
        throw std::runtime_error("add-workstation failed: " + output.toStdString());
    return QString::fromUtf8(output.trimmed().split('\n').last());
}

QJsonObject DevHub::reserveCodes(const QString& token, const QString& agency, QDate firstDay,
                                 int days, int size) const
{
    const QJsonObject body{{"agency_code", agency},
                           {"first_day", firstDay.toString(Qt::ISODate)},
                           {"days", days},
                           {"size", size}};
    const HubReply reply =
        post(QStringLiteral("/v1/code-blocks"), QJsonDocument(body).toJson(QJsonDocument::Compact),
             token, QUuid::createUuid().toString(QUuid::WithoutBraces));
    qsizetype granted = 0;
    for (const QJsonValue& block : reply.json.value("blocks").toArray())
        granted +=
            block.toObject().value("last").toInt() - block.toObject().value("first").toInt() + 1;
    if (reply.status != 200 || granted != qsizetype{days} * size)
        throw std::runtime_error("code blocks not granted: " +
                                 QJsonDocument(reply.json).toJson().toStdString());
    return reply.json;
}

namespace {

QNetworkRequest hubRequest(const QString& url, const QString& caFile, const HubRequest& call)
{
    QNetworkRequest request{QUrl(url)};
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!caFile.isEmpty())
        tls.setCaCertificates(QSslCertificate::fromPath(caFile));
    request.setSslConfiguration(tls);
    if (!call.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + call.token.toUtf8());
    for (const auto& [name, value] : call.headers)
        request.setRawHeader(name, value);
    return request;
}

HubReply replyOf(QNetworkReply* reply)
{
    HubReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    for (const auto& [name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    result.retryAfter = result.header("Retry-After");
    result.replay = result.header("Idempotent-Replay") == "true";
    reply->deleteLater();
    return result;
}

// Waits (at most 60 s) until every reply has finished.
void waitFor(const std::vector<QNetworkReply*>& replies)
{
    QEventLoop loop;
    int pending = static_cast<int>(replies.size());
    for (QNetworkReply* reply : replies)
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&] {
            if (--pending == 0)
                loop.quit();
        });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    if (pending > 0)
        loop.exec();
}

} // namespace

HubReply DevHub::request(const HubRequest& call) const
{
    return requestConcurrently(call, 1).front();
}

std::vector<HubReply> DevHub::requestConcurrently(const HubRequest& call, int copies) const
{
    return requestAll(std::vector<HubRequest>(static_cast<std::size_t>(copies), call));
}

std::vector<HubReply> DevHub::requestAll(const std::vector<HubRequest>& calls) const
{
    QNetworkAccessManager network;
    return requestOn(network, calls);
}

std::vector<HubReply> DevHub::requestOn(QNetworkAccessManager& network,
                                        const std::vector<HubRequest>& calls) const
{
    std::vector<QNetworkReply*> replies;
    for (const HubRequest& call : calls) {
        const QNetworkRequest prepared =
            hubRequest((call.hubUrl.isEmpty() ? url_ : call.hubUrl) + call.path,
                       call.trustHubCa ? caFile() : QString(), call);
        // A HEAD must go through head(): as a custom verb Qt would wait for a body.
        replies.push_back(call.method == "HEAD" ? network.head(prepared)
                          : call.method == "GET"
                              ? network.get(prepared)
                              : network.sendCustomRequest(prepared, call.method, call.body));
    }
    waitFor(replies);
    std::vector<HubReply> results;
    for (QNetworkReply* reply : replies)
        results.push_back(replyOf(reply));
    return results;
}

void DevHub::sendCut(const HubRequest& call, qsizetype bytesSent) const
{
    const QUrl url((call.hubUrl.isEmpty() ? url_ : call.hubUrl) + call.path);
    QSslSocket socket;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(caFile()));
    socket.setSslConfiguration(tls);
    socket.connectToHostEncrypted(url.host(), static_cast<quint16>(url.port()));
    if (!socket.waitForEncrypted(30000))
        throw std::runtime_error("no TLS connection to the hub: " +
                                 socket.errorString().toStdString());
    QByteArray head = call.method + ' ' + url.path().toUtf8() +
                      " HTTP/1.1\r\nHost: " + url.authority().toUtf8() +
                      "\r\nContent-Length: " + QByteArray::number(call.body.size()) + "\r\n";
    if (!call.token.isEmpty())
        head += "Authorization: Bearer " + call.token.toUtf8() + "\r\n";
    for (const auto& [name, value] : call.headers)
        head += name + ": " + value + "\r\n";
    socket.write(head + "\r\n" + call.body.left(bytesSent));
    // Everything written must reach the hub (encrypted) before the connection closes.
    while ((socket.bytesToWrite() > 0 || socket.encryptedBytesToWrite() > 0) &&
           socket.waitForBytesWritten(30000)) {
    }
    // Unread input (TLS session tickets) would turn the close into a reset, which may discard
    // what the hub has not read yet; an orderly close lets it see all bytes, then the end.
    while (socket.waitForReadyRead(300))
        socket.readAll();
    socket.disconnectFromHost();
    if (socket.state() != QAbstractSocket::UnconnectedState)
        socket.waitForDisconnected(10000);
}

HubReply DevHub::get(const QString& path, const QString& token, bool trustHubCa) const
{
    HubRequest call("GET", path, token);
    call.trustHubCa = trustHubCa;
    return request(call);
}

HubReply DevHub::post(const QString& path, const QByteArray& body, const QString& token,
                      const QString& idempotencyKey, const QString& hubUrl) const
{
    return request(postCall(path, body, token, idempotencyKey, hubUrl));
}

HubReply DevHub::post(QNetworkAccessManager& network, const QString& path, const QByteArray& body,
                      const QString& token, const QString& idempotencyKey,
                      const QString& hubUrl) const
{
    return requestOn(network, {postCall(path, body, token, idempotencyKey, hubUrl)}).front();
}

std::vector<HubReply> DevHub::postConcurrently(const QString& path, const QByteArray& body,
                                               const QString& token, const QString& idempotencyKey,
                                               int copies, const QString& hubUrl) const
{
    return requestConcurrently(postCall(path, body, token, idempotencyKey, hubUrl), copies);
}

HubRequest DevHub::postCall(const QString& path, const QByteArray& body, const QString& token,
                            const QString& idempotencyKey, const QString& hubUrl)
{
    HubRequest call("POST", path, token);
    call.headers.emplace_back("Content-Type", "application/json");
    if (!idempotencyKey.isEmpty())
        call.headers.emplace_back("Idempotency-Key", idempotencyKey.toUtf8());
    call.body = body;
    call.hubUrl = hubUrl;
    return call;
}

QString DevHub::startProductionHub()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    const quint16 port = probe.serverPort();
    probe.close();
    production_ = std::make_unique<QProcess>();
    production_->setProcessChannelMode(QProcess::MergedChannels);
    production_->start(hubProgram(),
                       {QStringLiteral("serve"), QStringLiteral("--pg"), conninfo_,
                        QStringLiteral("--cert"), directory_ + QStringLiteral("/hub-cert.pem"),
                        QStringLiteral("--key"), directory_ + QStringLiteral("/hub-key.pem"),
                        QStringLiteral("--files"), directory_ + QStringLiteral("/files"),
                        QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
    QByteArray printed;
    while (!printed.contains("listening on") && production_->waitForReadyRead(30000))
        printed += production_->readAll();
    if (!printed.contains("listening on"))
        throw std::runtime_error("sohoa-hub serve did not start: " + printed.toStdString());
    return QStringLiteral("https://127.0.0.1:%1").arg(port);
}

} // namespace sohoa::testing
