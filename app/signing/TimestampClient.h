// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/TimestampExchange.h"

#include <QString>
#include <QUrl>
#include <chrono>
#include <optional>

namespace sohoa::signing {

// What asking a TSA came to: a token, or why the TSA could not be reached (no network, refused
// connection, timeout, HTTP error). Unreachable is not a failure of the signature: the caller
// keeps it at B-B and queues the file for a time-stamp later.
struct TimestampResult
{
    std::optional<TimestampToken> token;
    QString offlineReason; // for the log and the queue; empty with a token
};

// An RFC 3161 client over HTTP(S): POSTs a TimeStampReq (application/timestamp-query) to the
// configured TSA and accepts only a granted token that answers exactly that request.
class TimestampClient
{
public:
    static constexpr std::chrono::milliseconds kDefaultTimeout = std::chrono::seconds(20);

    explicit TimestampClient(QUrl url, std::chrono::milliseconds timeout = kDefaultTimeout);

    // Asks for a token over `sha256Digest` (32 bytes). Blocks the calling thread, spinning a local
    // event loop (a QCoreApplication must exist), for at most the timeout. Throws UserError when
    // the TSA answers with something other than a valid token for this request.
    TimestampResult requestToken(const QByteArray& sha256Digest) const;

    QUrl url() const { return url_; }

private:
    QUrl url_;
    std::chrono::milliseconds timeout_;
};

} // namespace sohoa::signing
