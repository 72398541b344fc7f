// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/TimestampClient.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace sohoa::signing {

TimestampClient::TimestampClient(QUrl url, std::chrono::milliseconds timeout)
    : url_(std::move(url)), timeout_(timeout)
{
}

TimestampResult TimestampClient::requestToken(const QByteArray& sha256Digest) const
{
    const TimestampExchange exchange(sha256Digest);
    // A manager per request: this may run on any thread, and a manager belongs to one.
    QNetworkAccessManager network;
    QNetworkRequest request(url_);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/timestamp-query"));
    const std::unique_ptr<QNetworkReply> reply(network.post(request, exchange.requestDer()));

    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&timedOut, &reply] {
        timedOut = true;
        reply->abort(); // emits finished()
    });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    deadline.start(timeout_);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    if (timedOut)
        return {std::nullopt, tr("%1 did not answer within %2 seconds.")
                                  .arg(url_.toDisplayString())
                                  .arg(std::chrono::duration<double>(timeout_).count())};
    if (reply->error() != QNetworkReply::NoError)
        return {std::nullopt, reply->errorString()};
    return {exchange.acceptResponse(reply->readAll(), url_.toDisplayString()), {}};
}

} // namespace sohoa::signing
