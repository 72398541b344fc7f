// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <memory>

struct TS_req_st; // OpenSSL's TS_REQ

namespace sohoa::signing {

// A time-stamp token as accepted from a TSA.
struct TimestampToken
{
    QByteArray der; // TimeStampToken: DER ContentInfo (SignedData over the TSTInfo)
    QDateTime time; // the TSA's genTime, UTC
};

// One RFC 3161 exchange, without the transport: the TimeStampReq for a SHA-256 digest (random
// nonce, certReq true), and the checks on the TSA's answer to exactly that request.
class TimestampExchange
{
    Q_DECLARE_TR_FUNCTIONS(TimestampExchange)

public:
    explicit TimestampExchange(const QByteArray& sha256Digest);
    ~TimestampExchange();
    TimestampExchange(const TimestampExchange&) = delete;
    TimestampExchange& operator=(const TimestampExchange&) = delete;

    QByteArray requestDer() const;

    // The token of `responseDer` once its status is granted, its imprint and nonce are this
    // request's, and its signature verifies with the TSA certificate it carries (ESS binding and
    // the critical timeStamping key purpose included). Whether that TSA is trusted is the
    // verifier's question, asked against the configured anchors. Throws UserError naming
    // `tsaName` otherwise.
    TimestampToken acceptResponse(const QByteArray& responseDer, const QString& tsaName) const;

private:
    struct RequestRelease
    {
        void operator()(TS_req_st* request) const;
    };
    std::unique_ptr<TS_req_st, RequestRelease> request_;
};

} // namespace sohoa::signing
