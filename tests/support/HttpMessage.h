// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace sohoa::testing {

// One HTTP/1.1 message as it went over the wire, split where its headers end. The tests' servers
// and the fault proxy frame requests and responses with it: Content-Length bodies only (neither
// the hub nor QtNetwork's uploads of a QByteArray use chunked transfer coding).
struct HttpMessage
{
    QByteArray head; // start line and header lines, up to and with the empty line
    QByteArray body;

    QByteArray bytes() const { return head + body; }
    // "POST /v1/operations HTTP/1.1" or "HTTP/1.1 200 OK".
    QByteArray startLine() const;
    // The value of the first header called `name` (any case), trimmed; empty when absent.
    QByteArray header(QByteArrayView name) const;
    // Request line parts: "POST", "/v1/operations".
    QByteArray method() const;
    QByteArray target() const;
    int status() const; // a response's status code
    // Whether the sender closes the connection after this message (Connection: close).
    bool closesConnection() const;
};

// Removes the first complete request from the front of `received`; nullopt (and `received`
// untouched) while its headers or body are still arriving.
std::optional<HttpMessage> takeRequest(QByteArray& received);

// The same for a response to a request with `requestMethod`: HEAD requests and statuses 1xx,
// 204 and 304 have no body whatever Content-Length says.
std::optional<HttpMessage> takeResponse(QByteArray& received, QByteArrayView requestMethod);

} // namespace sohoa::testing
