// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/TimestampClient.h"

#include "signing/HttpFetch.h"

namespace sohoa::signing {

TimestampClient::TimestampClient(QUrl url, std::chrono::milliseconds timeout)
    : url_(std::move(url)), timeout_(timeout)
{
}

TimestampResult TimestampClient::requestToken(const QByteArray& sha256Digest) const
{
    const TimestampExchange exchange(sha256Digest);
    const HttpFetchResult answer = HttpFetch::post(
        url_, QByteArrayLiteral("application/timestamp-query"), exchange.requestDer(), timeout_);
    if (!answer.body)
        return {std::nullopt, answer.failure};
    return {exchange.acceptResponse(*answer.body, url_.toDisplayString()), {}};
}

} // namespace sohoa::signing
