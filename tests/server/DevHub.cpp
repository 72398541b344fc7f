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

HubReply DevHub::get(const QString& path, const QString& token, bool trustHubCa) const
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(url_ + path));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (trustHubCa)
        tls.setCaCertificates(QSslCertificate::fromPath(caFile()));
    request.setSslConfiguration(tls);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    QNetworkReply* reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    HubReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.json = QJsonDocument::fromJson(reply->readAll()).object();
    result.retryAfter = reply->rawHeader("Retry-After");
    reply->deleteLater();
    return result;
}

} // namespace sohoa::testing
