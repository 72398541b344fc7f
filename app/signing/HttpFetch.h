// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QUrl>
#include <chrono>
#include <optional>

namespace sohoa::signing {

// The body of a successful answer, or why there is none (no network, refused connection,
// timeout, HTTP error), in the user's language.
struct HttpFetchResult
{
    std::optional<QByteArray> body;
    QString failure; // empty with a body
};

// Blocking HTTP(S) for the signing code's few network calls (TSA, OCSP, CRL): one request,
// the calling thread blocked in a local event loop (a QCoreApplication must exist) for at most
// `timeout`. Being offline is an answer here, not an exception: callers decide what it means.
class HttpFetch
{
    Q_DECLARE_TR_FUNCTIONS(HttpFetch)

public:
    static HttpFetchResult post(const QUrl& url, const QByteArray& contentType,
                                const QByteArray& body, std::chrono::milliseconds timeout);
    static HttpFetchResult get(const QUrl& url, std::chrono::milliseconds timeout);

    // http or https: what certificates name for OCSP and CRLs besides LDAP, which we skip.
    static bool canFetch(const QUrl& url);
};

} // namespace sohoa::signing
