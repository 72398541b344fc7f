// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/TestRevocationServer.h"

#include "support/TestCertificateAuthority.h"
#include "support/TestHttpServer.h"

#include <QMutex>
#include <QMutexLocker>
#include <optional>

namespace sohoa::testing {

namespace {

const QByteArray kOcspPath = "/ocsp";
const QByteArray kCrlPath = "/crl";
constexpr int kServiceUnavailable = 503;

} // namespace

struct TestRevocationServer::State
{
    const TestCertificateAuthority& authority;

    mutable QMutex mutex; // guards the members below, shared with the test's thread
    ServiceBehaviour ocsp = ServiceBehaviour::Answer;
    ServiceBehaviour crl = ServiceBehaviour::Answer;
    std::optional<IssuedCertificate> responder;
    int ocspRequests = 0;
    int crlRequests = 0;

    // Last: it stops serving before the members its requests use go away.
    std::unique_ptr<TestHttpServer> http;

    std::optional<HttpAnswer> answer(const HttpRequest& request)
    {
        const bool forOcsp = request.path == kOcspPath && request.method == "POST";
        const bool forCrl = request.path == kCrlPath && request.method == "GET";
        if (!forOcsp && !forCrl)
            return HttpAnswer{404, "text/plain", "not found"};
        ServiceBehaviour behaviour;
        std::optional<IssuedCertificate> delegated;
        {
            const QMutexLocker lock(&mutex);
            ++(forOcsp ? ocspRequests : crlRequests);
            behaviour = forOcsp ? ocsp : crl;
            delegated = responder;
        }
        switch (behaviour) {
        case ServiceBehaviour::StaySilent:
            return std::nullopt;
        case ServiceBehaviour::Refuse:
            return HttpAnswer{kServiceUnavailable, "text/plain", "busy"};
        case ServiceBehaviour::Answer:
            break;
        }
        if (forCrl)
            return HttpAnswer{200, "application/pkix-crl", authority.crlDer()};
        return HttpAnswer{
            200, "application/ocsp-response",
            authority.ocspResponseDer(request.body, delegated ? &*delegated : nullptr)};
    }
};

TestRevocationServer::TestRevocationServer(const TestCertificateAuthority& authority)
    : state_(new State{authority, {}, {}, {}, {}, {}, {}, {}})
{
    State* state = state_.get();
    state_->http = std::make_unique<TestHttpServer>(
        [state](const HttpRequest& request) { return state->answer(request); });
}

TestRevocationServer::~TestRevocationServer() = default;

QUrl TestRevocationServer::ocspUrl() const
{
    return state_->http->url(QString::fromLatin1(kOcspPath));
}

QUrl TestRevocationServer::crlUrl() const
{
    return state_->http->url(QString::fromLatin1(kCrlPath));
}

void TestRevocationServer::setOcspBehaviour(ServiceBehaviour behaviour)
{
    const QMutexLocker lock(&state_->mutex);
    state_->ocsp = behaviour;
}

void TestRevocationServer::setCrlBehaviour(ServiceBehaviour behaviour)
{
    const QMutexLocker lock(&state_->mutex);
    state_->crl = behaviour;
}

void TestRevocationServer::delegateOcspTo(const IssuedCertificate& responder)
{
    const QMutexLocker lock(&state_->mutex);
    state_->responder = responder;
}

int TestRevocationServer::ocspRequests() const
{
    const QMutexLocker lock(&state_->mutex);
    return state_->ocspRequests;
}

int TestRevocationServer::crlRequests() const
{
    const QMutexLocker lock(&state_->mutex);
    return state_->crlRequests;
}

} // namespace sohoa::testing
