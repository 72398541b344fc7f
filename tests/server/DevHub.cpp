// SPDX-License-Identifier: GPL-3.0-or-later
#include "DevHub.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>
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

namespace {

QNetworkRequest hubRequest(const QString& url, const QString& caFile, const QString& token)
{
    QNetworkRequest request{QUrl(url)};
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!caFile.isEmpty())
        tls.setCaCertificates(QSslCertificate::fromPath(caFile));
    request.setSslConfiguration(tls);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    return request;
}

HubReply replyOf(QNetworkReply* reply)
{
    HubReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.json = QJsonDocument::fromJson(reply->readAll()).object();
    result.retryAfter = reply->rawHeader("Retry-After");
    result.replay = reply->rawHeader("Idempotent-Replay") == "true";
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

HubReply DevHub::get(const QString& path, const QString& token, bool trustHubCa) const
{
    QNetworkAccessManager network;
    QNetworkReply* reply =
        network.get(hubRequest(url_ + path, trustHubCa ? caFile() : QString(), token));
    waitFor({reply});
    return replyOf(reply);
}

HubReply DevHub::post(const QString& path, const QByteArray& body, const QString& token,
                      const QString& idempotencyKey, const QString& hubUrl) const
{
    return postConcurrently(path, body, token, idempotencyKey, 1, hubUrl).front();
}

std::vector<HubReply> DevHub::postConcurrently(const QString& path, const QByteArray& body,
                                               const QString& token, const QString& idempotencyKey,
                                               int copies, const QString& hubUrl) const
{
    QNetworkAccessManager network;
    QNetworkRequest request =
        hubRequest((hubUrl.isEmpty() ? url_ : hubUrl) + path, caFile(), token);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", idempotencyKey.toUtf8());
    std::vector<QNetworkReply*> replies;
    for (int i = 0; i < copies; ++i)
        replies.push_back(network.post(request, body));
    waitFor(replies);
    std::vector<HubReply> results;
    for (QNetworkReply* reply : replies)
        results.push_back(replyOf(reply));
    return results;
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
                        QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
    QByteArray printed;
    while (!printed.contains("listening on") && production_->waitForReadyRead(30000))
        printed += production_->readAll();
    if (!printed.contains("listening on"))
        throw std::runtime_error("sohoa-hub serve did not start: " + printed.toStdString());
    return QStringLiteral("https://127.0.0.1:%1").arg(port);
}

} // namespace sohoa::testing
