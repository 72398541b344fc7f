// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QUrl>
#include <memory>

namespace sohoa::testing {

class TestCertificateAuthority;
struct IssuedCertificate;

// What a revocation service does with the requests that follow.
enum class ServiceBehaviour
{
    Answer,     // the CRL, or an OCSP answer
    Refuse,     // HTTP 503
    StaySilent, // reads the request and never answers (the client's timeout decides)
};

// A local OCSP responder and CRL distribution point for one TestCertificateAuthority, on a
// TestHttpServer: POST ocspUrl() gets the authority's OCSP answer (RFC 6960), GET crlUrl() its
// current CRL. Put the URLs into the certificates the authority issues (CertificateRequest).
class TestRevocationServer
{
public:
    explicit TestRevocationServer(const TestCertificateAuthority& authority);
    ~TestRevocationServer();
    TestRevocationServer(const TestRevocationServer&) = delete;
    TestRevocationServer& operator=(const TestRevocationServer&) = delete;

    QUrl ocspUrl() const;
    QUrl crlUrl() const;

    void setOcspBehaviour(ServiceBehaviour behaviour);
    void setCrlBehaviour(ServiceBehaviour behaviour);
    // OCSP answers signed by `responder` (a certificate for OCSPSigning and its key) instead of
    // the authority itself.
    void delegateOcspTo(const IssuedCertificate& responder);

    int ocspRequests() const;
    int crlRequests() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace sohoa::testing
