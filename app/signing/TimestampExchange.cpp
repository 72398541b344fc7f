// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/TimestampExchange.h"

#include "domain/UserError.h"
#include "signing/OpenSslHandles.h"

#include <QStringList>
#include <QTimeZone>
#include <ctime>
#include <openssl/bn.h>
#include <openssl/ts.h>
#include <stdexcept>

namespace sohoa::signing {

namespace {

constexpr int kSha256Size = 32;
constexpr int kNonceBits = 64;
constexpr long kGranted = 0;         // PKIStatus granted
constexpr long kGrantedWithMods = 1; // PKIStatus grantedWithMods

using Algorithm = openssl::Handle<X509_ALGOR, X509_ALGOR_free>;
using Imprint = openssl::Handle<TS_MSG_IMPRINT, TS_MSG_IMPRINT_free>;
using Number = openssl::Handle<BIGNUM, BN_free>;
using Integer = openssl::Handle<ASN1_INTEGER, ASN1_INTEGER_free>;
void freeCertificateList(STACK_OF(X509) * certificates)
{
    sk_X509_free(certificates); // a macro: no address to take
}

using Response = openssl::Handle<TS_RESP, TS_RESP_free>;
using Certificates = openssl::Handle<STACK_OF(X509), freeCertificateList>;
using Store = openssl::Handle<X509_STORE, X509_STORE_free>;
using VerifyContext = openssl::Handle<TS_VERIFY_CTX, TS_VERIFY_CTX_free>;

void require(bool done)
{
    if (!done)
        throw std::bad_alloc(); // OpenSSL fails to build a request only when memory runs out
}

Imprint sha256Imprint(const QByteArray& digest)
{
    Algorithm algorithm(X509_ALGOR_new());
    require(algorithm != nullptr);
    X509_ALGOR_set_md(algorithm.get(), EVP_sha256());
    Imprint imprint(TS_MSG_IMPRINT_new());
    require(imprint != nullptr);
    // TS_MSG_IMPRINT_set_msg copies; its parameter is merely not declared const.
    auto* bytes = reinterpret_cast<unsigned char*>(const_cast<char*>(digest.constData()));
    require(TS_MSG_IMPRINT_set_algo(imprint.get(), algorithm.get()) == 1 &&
            TS_MSG_IMPRINT_set_msg(imprint.get(), bytes, kSha256Size) == 1);
    return imprint;
}

// A fresh random nonce ties the answer to this request: a replayed response does not match.
Integer randomNonce()
{
    Number value(BN_new());
    require(value && BN_rand(value.get(), kNonceBits, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1);
    Integer nonce(BN_to_ASN1_INTEGER(value.get(), nullptr));
    require(nonce != nullptr);
    return nonce;
}

QString statusText(TS_STATUS_INFO* status)
{
    QStringList lines;
    const STACK_OF(ASN1_UTF8STRING)* texts = TS_STATUS_INFO_get0_text(status);
    for (int index = 0; index < sk_ASN1_UTF8STRING_num(texts); ++index) {
        const ASN1_UTF8STRING* text = sk_ASN1_UTF8STRING_value(texts, index);
        lines << QString::fromUtf8(reinterpret_cast<const char*>(ASN1_STRING_get0_data(text)),
                                   ASN1_STRING_length(text));
    }
    return lines.join(QLatin1String("; "));
}

QDateTime utcTime(const ASN1_GENERALIZEDTIME* time)
{
    std::tm parts{};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), QTimeZone::utc());
}

// The TSA certificate comes from the token itself and is trusted for this check only, so it
// proves the token intact and signed by the key its ESS attribute names.
Store storeTrustingSignerOf(PKCS7* token)
{
    const Certificates signers(PKCS7_get0_signers(token, nullptr, 0));
    if (!signers || sk_X509_num(signers.get()) != 1)
        return nullptr;
    Store store(X509_STORE_new());
    require(store && X509_STORE_add_cert(store.get(), sk_X509_value(signers.get(), 0)) == 1);
    X509_STORE_set_flags(store.get(), X509_V_FLAG_PARTIAL_CHAIN);
    return store;
}

} // namespace

void TimestampExchange::RequestRelease::operator()(TS_req_st* request) const
{
    TS_REQ_free(request);
}

TimestampExchange::TimestampExchange(const QByteArray& sha256Digest) : request_(TS_REQ_new())
{
    if (sha256Digest.size() != kSha256Size)
        throw std::invalid_argument("TimestampExchange: the digest must be SHA-256");
    require(request_ != nullptr);
    require(TS_REQ_set_version(request_.get(), 1) == 1 &&
            TS_REQ_set_msg_imprint(request_.get(), sha256Imprint(sha256Digest).get()) == 1 &&
            TS_REQ_set_nonce(request_.get(), randomNonce().get()) == 1 &&
            TS_REQ_set_cert_req(request_.get(), 1) == 1);
}

TimestampExchange::~TimestampExchange() = default;

QByteArray TimestampExchange::requestDer() const
{
    return openssl::derOf(request_.get(), i2d_TS_REQ);
}

TimestampToken TimestampExchange::acceptResponse(const QByteArray& responseDer,
                                                 const QString& tsaName) const
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(responseDer.constData());
    const Response response(d2i_TS_RESP(nullptr, &bytes, static_cast<long>(responseDer.size())));
    PKCS7* token = response ? TS_RESP_get_token(response.get()) : nullptr;
    TS_STATUS_INFO* status = response ? TS_RESP_get_status_info(response.get()) : nullptr;
    if (!status)
        throw UserError(ErrorKind::Processing,
                        tr("%1 did not answer with a time-stamp; check the time-stamp server "
                           "address in the settings.")
                            .arg(tsaName));
    const long code = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(status));
    if (code != kGranted && code != kGrantedWithMods)
        throw UserError(ErrorKind::Processing,
                        tr("%1 refused the time-stamp (status %2: %3); ask its operator or "
                           "choose another time-stamp server.")
                            .arg(tsaName)
                            .arg(code)
                            .arg(statusText(status)));

    Store store = token ? storeTrustingSignerOf(token) : nullptr;
    const VerifyContext context(TS_REQ_to_TS_VERIFY_CTX(request_.get(), nullptr));
    require(context != nullptr);
    const bool valid = store && TS_VERIFY_CTX_add_flags(context.get(), TS_VFY_SIGNATURE) &&
                       TS_VERIFY_CTX_set_store(context.get(), store.release()) &&
                       TS_RESP_verify_response(context.get(), response.get()) == 1;
    if (!valid)
        throw UserError(ErrorKind::Processing,
                        tr("The time-stamp from %1 is not valid for this signature; check the "
                           "time-stamp server address in the settings.")
                            .arg(tsaName));
    return {openssl::derOf(token, i2d_PKCS7),
            utcTime(TS_TST_INFO_get_time(TS_RESP_get_tst_info(response.get())))};
}

} // namespace sohoa::signing
