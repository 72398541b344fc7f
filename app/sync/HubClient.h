// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QStringList>
#include <QUrl>
#include <chrono>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace sohoa::sync {
class BandwidthLimit;
}

namespace sohoa::sync {

// Where the provincial hub is and how the workstation proves who it is.
struct HubConnection
{
    QUrl server;   // e.g. https://hub.tinh.gov.vn
    QString token; // the workstation's bearer token
    // CA certificates (PEM) to trust besides the system's, e.g. a dev hub's hub-ca.pem; kept in
    // the store at enrolment, so the window's sync worker trusts the hub the officer enrolled
    // with.
    QByteArray caCertificates;
    // Pins of the hub's key ("sha256/…", certificatePin()): when set, a hub whose verified
    // certificate carries another key is refused before anything is sent.
    QStringList pins;
    int bandwidthKbps = 0; // 0: no cap (docs/SYNC-PROTOCOL.md §10.4)
    std::chrono::milliseconds timeout = std::chrono::seconds(60);
};

// One request to the hub: method, path under the server, extra headers, body.
struct HubRequest
{
    QByteArray method = "GET";
    QString path;
    QMap<QByteArray, QByteArray> headers;
    QByteArray body;
};

// One answer of the hub (docs/SYNC-PROTOCOL.md): status 0 means no HTTP answer at all.
struct HubResponse
{
    int status = 0;
    QByteArray body;                      // as received (a downloaded file)
    QJsonObject json;                     // the body, when it is JSON
    QMap<QByteArray, QByteArray> headers; // names in lower case
    QString networkError;                 // why there was no answer, in the user's language
    std::optional<std::chrono::seconds> retryAfter;
    bool replay = false;      // Idempotent-Replay: true
    bool pinMismatch = false; // refused: the hub's key is not a pinned one (no HTTP answer)

    QString errorCode() const;    // error.code, e.g. "stale-version"
    QString errorMessage() const; // error.message_vi or error.message, by the UI language
    // No answer, 408, 429 or a 5xx other than 501: the same request may succeed later
    // (docs/SYNC-PROTOCOL.md §10.3); any other answer is final.
    bool retryable() const;
    // Why the request did not succeed, for the officer: the network's reason, the hub's
    // message, or its HTTP status.
    QString failure() const;
    // Why no further request of this run should be made: "unauthorized" (401: the token is
    // missing, unknown or revoked) or "tls-pin-mismatch"; empty otherwise.
    QString stopsRunBecause() const;
    QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
};

// HTTPS to the hub, one blocking request at a time, on the thread that made the client (the
// sync worker's or a CLI command's; a QCoreApplication must exist). Connections are kept alive
// between requests, so a backlog does not pay a TLS handshake per row. TLS is verified
// against the system's CAs plus `caCertificates`, and the hub's key against the pins when there are
// any. Request and response bodies count against the bandwidth cap.
class HubClient
{
    Q_DECLARE_TR_FUNCTIONS(HubClient)

public:
    explicit HubClient(HubConnection connection);
    ~HubClient();
    HubClient(const HubClient&) = delete;
    HubClient& operator=(const HubClient&) = delete;

    HubResponse send(const HubRequest& request) const;
    HubResponse get(const QString& path) const;
    HubResponse postJson(const QString& path, const QByteArray& body,
                         const QString& idempotencyKey = {}) const;
    const HubConnection& connection() const { return connection_; }

private:
    HubConnection connection_;
    std::unique_ptr<QNetworkAccessManager> network_;
    std::unique_ptr<BandwidthLimit> bandwidth_;
};

} // namespace sohoa::sync
