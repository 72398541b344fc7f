// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

namespace sohoa::testing {

struct HttpRequest
{
    QByteArray method; // "GET", "POST"
    QByteArray path;   // e.g. "/crl", without the host
    QByteArray body;
};

struct HttpAnswer
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
};

// A minimal HTTP/1.1 server on 127.0.0.1 for the tests' stand-ins of network services (TSA,
// OCSP responder, CRL point): each request (Content-Length bodies, one per connection) goes to
// `answer`, which runs on the server's own thread, so a client that blocks the test's thread
// in its own event loop is answered all the same. `answer` returning nothing leaves the
// connection open without a word, as a hung server does.
class TestHttpServer
{
public:
    using Answerer = std::function<std::optional<HttpAnswer>(const HttpRequest&)>;

    explicit TestHttpServer(Answerer answer);
    ~TestHttpServer();
    TestHttpServer(const TestHttpServer&) = delete;
    TestHttpServer& operator=(const TestHttpServer&) = delete;

    // http://127.0.0.1:PORT followed by `path`.
    QUrl url(const QString& path) const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// http://127.0.0.1:PORT followed by `path`, where nothing listens: a port just bound and
// released again. A connection there is refused at once.
QUrl closedPortUrl(const QString& path);

} // namespace sohoa::testing
