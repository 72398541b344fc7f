// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/HttpFetch.h"

#include "platform/NetworkWait.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <functional>
#include <memory>

namespace sohoa::signing {

namespace {

HttpFetchResult exchange(const QUrl& url, std::chrono::milliseconds timeout,
                         const std::function<QNetworkReply*(QNetworkAccessManager&)>& send)
{
    // A manager per request: this may run on any thread, and a manager belongs to one.
    QNetworkAccessManager network;
    const std::unique_ptr<QNetworkReply> reply(send(network));

    if (!platform::waitForReply(*reply, timeout))
        return {std::nullopt, HttpFetch::tr("%1 did not answer within %2 seconds.")
                                  .arg(url.toDisplayString())
                                  .arg(std::chrono::duration<double>(timeout).count())};
    if (reply->error() != QNetworkReply::NoError)
        return {std::nullopt, reply->errorString()};
    return {reply->readAll(), {}};
}

} // namespace

HttpFetchResult HttpFetch::post(const QUrl& url, const QByteArray& contentType,
                                const QByteArray& body, std::chrono::milliseconds timeout)
{
    return exchange(url, timeout, [&](QNetworkAccessManager& network) {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        return network.post(request, body);
    });
}

HttpFetchResult HttpFetch::get(const QUrl& url, std::chrono::milliseconds timeout)
{
    return exchange(url, timeout, [&](QNetworkAccessManager& network) {
        return network.get(QNetworkRequest(url));
    });
}

bool HttpFetch::canFetch(const QUrl& url)
{
    return url.isValid() &&
           (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

} // namespace sohoa::signing
