// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace sohoa::testing {

// What an HTTPS call to the hub came back with.
struct HubReply
{
    int status = 0; // 0: no answer (connection refused, TLS failure...)
    QByteArray body;
    QJsonObject json; // the body, when it is JSON
    QByteArray retryAfter;
    bool replay = false;                   // Idempotent-Replay: true
    QHash<QByteArray, QByteArray> headers; // names in lower case

    // The error body's `code` (docs/SYNC-PROTOCOL.md §10.1); empty for a success.
    QString errorCode() const { return json.value("error").toObject().value("code").toString(); }
    // A response header by its name in any case; empty when absent.
    QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
};

// One HTTPS request to a hub.
struct HubRequest
{
    HubRequest(QByteArray method_, QString path_, QString token_ = {})
        : method(std::move(method_)), path(std::move(path_)), token(std::move(token_))
    {
    }

    QByteArray method;
    QString path;
    QString token; // the bearer token, if any
    std::vector<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString hubUrl;         // empty: this DevHub
    bool trustHubCa = true; // false: trust only the system's CAs
};

// A real `sohoa-hub --dev DIR` process for tests: private PostgreSQL cluster, self-signed CA,
// loopback port. start() waits for the "listening" line; the cluster stays across restarts of
// the hub in the same directory, as it does for operators.
class DevHub
{
public:
    explicit DevHub(QString directory);
    // A started hub in `parent`/hub; `parent` is opened to others first, as root's hub runs
    // PostgreSQL as `postgres`, which must pass through it.
    static std::unique_ptr<DevHub> startIn(const QTemporaryDir& parent);
    ~DevHub();
    DevHub(const DevHub&) = delete;
    DevHub& operator=(const DevHub&) = delete;

    void start();
    void stop();     // SIGTERM: the hub stops its PostgreSQL too
    void killHard(); // SIGKILL: PostgreSQL keeps running, as after a crash

    QString url() const { return url_; }
    QString conninfo() const { return conninfo_; }
    QString caFile() const { return directory_ + QStringLiteral("/hub-ca.pem"); }
    QString directory() const { return directory_; }

    // Runs `sohoa-hub admin ARGS... --dev DIR`; its exit code, and its output in `output`.
    int admin(const QStringList& arguments, QByteArray* output = nullptr) const;
    // Sends `call` and waits for the answer (at most 60 s).
    HubReply request(const HubRequest& call) const;
    // The same request sent `copies` times at once (duplicates racing each other).
    std::vector<HubReply> requestConcurrently(const HubRequest& call, int copies) const;
    // A JSON POST with an Idempotency-Key (none when empty), to this hub or to `hubUrl`.
    static HubRequest postCall(const QString& path, const QByteArray& body, const QString& token,
                               const QString& idempotencyKey, const QString& hubUrl = {});
    // Several requests sent at once; the replies in the same order.
    std::vector<HubReply> requestAll(const std::vector<HubRequest>& calls) const;
    // Sends `call`'s head and only the first `bytesSent` bytes of its body, then closes the
    // connection: a transfer cut mid-request.
    void sendCut(const HubRequest& call, qsizetype bytesSent) const;

    // `admin add-workstation NAME [--agency AGENCY]`: the new workstation's token. Only a
    // workstation registered for an agency may reserve its codes and create its dossiers.
    QString addWorkstation(const QString& name, const QString& agency = {}) const;
    // POST /v1/code-blocks for `days` days from `firstDay`, `size` numbers each, with a fresh
    // Idempotency-Key; throws unless the hub grants them all. Returns the answer.
    QJsonObject reserveCodes(const QString& token, const QString& agency, QDate firstDay, int days,
                             int size) const;
    // GET `path` over TLS trusting only hub-ca.pem (or, with `trustHubCa` false, only the
    // system's CAs), with `token` as bearer when given.
    HubReply get(const QString& path, const QString& token = {}, bool trustHubCa = true) const;
    // POST a JSON body with an Idempotency-Key (none when empty), to this hub or to `hubUrl`.
    HubReply post(const QString& path, const QByteArray& body, const QString& token,
                  const QString& idempotencyKey, const QString& hubUrl = {}) const;
    // The same POST on `network`, which keeps its connections to the hub open between calls.
    HubReply post(QNetworkAccessManager& network, const QString& path, const QByteArray& body,
                  const QString& token, const QString& idempotencyKey,
                  const QString& hubUrl = {}) const;
    // The same POST sent `copies` times at once (duplicates racing each other).
    std::vector<HubReply> postConcurrently(const QString& path, const QByteArray& body,
                                           const QString& token, const QString& idempotencyKey,
                                           int copies, const QString& hubUrl = {}) const;
    // Runs `sohoa-hub serve` (a production hub: refuses test data) on this hub's database,
    // certificates and file store; returns its URL. It stops with this object.
    QString startProductionHub();

private:
    std::vector<HubReply> requestOn(QNetworkAccessManager& network,
                                    const std::vector<HubRequest>& calls) const;

    QString directory_;
    std::unique_ptr<QProcess> process_;
    std::unique_ptr<QProcess> production_;
    QString url_;
    QString conninfo_;
};

} // namespace sohoa::testing
