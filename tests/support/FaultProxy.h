// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "support/FaultPolicy.h"

#include <QString>
#include <QUrl>
#include <initializer_list>
#include <memory>

namespace sohoa::testing {

// A fault-injecting HTTPS proxy between a client and the hub, for the sync fault tests. It
// terminates TLS as a load balancer does (the client talks HTTPS to it), so it can act per HTTP
// request: forward it to the hub over TLS, or cut it short, withhold the hub's answer, send it
// twice, answer 503 itself or hold it a while (see Fault). Each request's fault comes from the
// scripted queue first, then from the seeded random policy. Runs on its own thread with its own
// event loop; a client connection gets its own keep-alive connection to the hub.
class FaultProxy
{
public:
    // Listens on 127.0.0.1 with `certificateFile` and `keyFile` (PEM; the certificate must be
    // valid for 127.0.0.1) and forwards to `upstream` (https://HOST:PORT), trusting only the
    // CA certificates in `upstreamCaFile`.
    FaultProxy(const QUrl& upstream, const QString& certificateFile, const QString& keyFile,
               const QString& upstreamCaFile);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    // https://127.0.0.1:PORT, without a trailing slash.
    QString url() const;

    // The random storm and the faults' settings, for requests with no scripted fault; the
    // generator starts again from `policy.seed`.
    void setPolicy(const FaultPolicy& policy);
    // The next requests take these faults, in order, before the policy is drawn from again.
    void script(std::initializer_list<Fault> faults);

    // Requests read from clients, and those that got `fault` (None: passed through untouched).
    int requests() const;
    int injected(Fault fault) const;
    // Requests that got any fault but None.
    int injectedTotal() const;
    // Client connections accepted (fewer than requests while clients keep theirs alive).
    int connections() const;
    // The body bytes of every PATCH (upload chunk) clients sent, faulted or not.
    qint64 patchBodyBytes() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace sohoa::testing
