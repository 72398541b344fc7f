// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QUrl>
#include <memory>

namespace sohoa::testing {

class TestCertificateAuthority;

// A local RFC 3161 time-stamp authority for tests: a TestHttpServer that hands each POSTed
// TimeStampReq to the real `openssl ts -reply`, signing with a TSA certificate (critical
// extendedKeyUsage timeStamping) issued by `authority`.
class TestTimestampServer
{
public:
    explicit TestTimestampServer(const TestCertificateAuthority& authority);
    ~TestTimestampServer();
    TestTimestampServer(const TestTimestampServer&) = delete;
    TestTimestampServer& operator=(const TestTimestampServer&) = delete;

    QUrl url() const;
    QByteArray tsaCertificateDer() const;

    // How the following requests are answered: with time-stamps (the default), with time-stamps
    // whose signature is broken, with a fixed HTTP status and body instead, or not at all (the
    // request is read, the connection left open).
    void answerWithTimestamps();
    void answerWithTamperedTimestamps();
    void answerWith(int httpStatus, const QByteArray& body);
    void answerNothing();

    int requestCount() const;
    // The body of the last answer sent (e.g. to replay it to a later request).
    QByteArray lastResponse() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace sohoa::testing
