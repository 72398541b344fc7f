// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 3161 time-stamps against a local TSA (the real `openssl ts -reply` behind
// TestTimestampServer): a token over the signature value turns the B-B container into B-T, which
// `openssl ts -verify` and `openssl cms -verify` accept; an unreachable TSA (closed port, HTTP
// error, no answer) is reported as offline without an exception; a TSA answering garbage, a
// replayed answer or a broken token signature is a clear error.
#include "domain/UserError.h"
#include "signing/CadesSignedData.h"
#include "signing/SignatureTimestamper.h"
#include "signing/SoftwareKeySigner.h"
#include "signing/TimestampClient.h"
#include "storage/SecureBytes.h"
#include "support/ErrorCapture.h"
#include "support/OpensslCms.h"
#include "support/TestCertificateAuthority.h"
#include "support/TestHttpServer.h"
#include "support/TestTimestampServer.h"
#include "support/ToolRunner.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <openssl/cms.h>
#include <openssl/x509.h>

using namespace sohoa;
using namespace std::chrono_literals;
using sohoa::signing::CadesSignedData;
using sohoa::signing::SignatureTimestamper;
using sohoa::signing::SoftwareKeySigner;
using sohoa::signing::TimestampClient;
using sohoa::signing::TimestampedCms;
using sohoa::signing::TimestampResult;
using sohoa::storage::SecureBytes;
using sohoa::testing::IssuedChain;
using sohoa::testing::TestCertificateAuthority;
using sohoa::testing::TestTimestampServer;
using sohoa::testing::thrownBy;

namespace {

struct CmsRelease
{
    void operator()(CMS_ContentInfo* cms) const { CMS_ContentInfo_free(cms); }
};
using Cms = std::unique_ptr<CMS_ContentInfo, CmsRelease>;

QByteArray sha256(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

// The signature time-stamp tokens in the container's unsigned attributes.
QList<QByteArray> timestampTokensIn(const QByteArray& der)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(der.constData());
    const Cms cms(d2i_CMS_ContentInfo(nullptr, &bytes, static_cast<long>(der.size())));
    QList<QByteArray> tokens;
    if (!cms)
        return tokens;
    CMS_SignerInfo* signer = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0);
    for (int index = CMS_unsigned_get_attr_by_NID(signer, NID_id_smime_aa_timeStampToken, -1);
         index >= 0;
         index = CMS_unsigned_get_attr_by_NID(signer, NID_id_smime_aa_timeStampToken, index)) {
        const ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_unsigned_get_attr(signer, index), 0);
        if (value && value->type == V_ASN1_SEQUENCE)
            tokens << QByteArray(reinterpret_cast<const char*>(value->value.sequence->data),
                                 value->value.sequence->length);
    }
    return tokens;
}

} // namespace

class TestTimestamp : public QObject
{
    Q_OBJECT

    TestCertificateAuthority root_;
    QTemporaryDir directory_;
    std::unique_ptr<TestTimestampServer> server_;
    std::unique_ptr<SoftwareKeySigner> signer_;
    QByteArray data_ = QByteArray("%PDF-1.7\nbyte range of a dossier page\n").repeated(50);

    QString write(const QString& name, const QByteArray& bytes) const
    {
        const QString path = directory_.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    testing::ToolResult opensslTimestampVerify(const QByteArray& signatureValue,
                                               const QByteArray& token) const
    {
        return testing::runTool(
            QStringLiteral("openssl"),
            {QStringLiteral("ts"), QStringLiteral("-verify"), QStringLiteral("-data"),
             write(QStringLiteral("signature-value.bin"), signatureValue), QStringLiteral("-in"),
             write(QStringLiteral("token.der"), token), QStringLiteral("-token_in"),
             QStringLiteral("-CAfile"), directory_.filePath(QStringLiteral("root.pem"))});
    }

    testing::ToolResult opensslCmsVerify(const QByteArray& cms) const
    {
        return testing::opensslCmsVerify(cms, data_, root_.certificateDer());
    }

    QByteArray baselineCms() const { return CadesSignedData::create(sha256(data_), *signer_); }

private slots:
    void initTestCase()
    {
        QVERIFY(directory_.isValid());
        write(QStringLiteral("root.pem"), TestCertificateAuthority::toPem(root_.certificateDer()));
        server_ = std::make_unique<TestTimestampServer>(root_);
        const IssuedChain chain = root_.issueThroughIntermediate({});
        signer_ = std::make_unique<SoftwareKeySigner>(
            SecureBytes::fromString(
                std::string_view(chain.privateKeyPem.constData(), chain.privateKeyPem.size())),
            chain.certificatesDer);
    }

    void init() { server_->answerWithTimestamps(); }

    void aTokenOverTheSignatureValueMakesTheContainerBT()
    {
        const QByteArray cms = baselineCms();
        const TimestampedCms stamped =
            SignatureTimestamper::addTimestamp(cms, TimestampClient(server_->url()));
        QVERIFY2(stamped.timestamp.token, qPrintable(stamped.timestamp.offlineReason));
        QVERIFY(stamped.timestamp.offlineReason.isEmpty());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(stamped.timestamp.token->time.isValid());
        QVERIFY(qAbs(stamped.timestamp.token->time.secsTo(now)) < 24 * 3600);

        // The token sits in the container as id-aa-signatureTimeStampToken, byte for byte.
        QCOMPARE(timestampTokensIn(cms).size(), 0);
        const QList<QByteArray> tokens = timestampTokensIn(stamped.cms);
        QCOMPARE(tokens.size(), 1);
        QCOMPARE(tokens.front(), stamped.timestamp.token->der);

        // The signature is untouched and still verifies over the data.
        const QByteArray signatureValue = CadesSignedData::signatureValue(stamped.cms);
        QCOMPARE(signatureValue, CadesSignedData::signatureValue(cms));
        const testing::ToolResult cmsCheck = opensslCmsVerify(stamped.cms);
        QVERIFY2(cmsCheck.exitCode == 0, cmsCheck.err.constData());

        // The token's imprint is SHA-256 of the signature value, signed by a TSA under the root.
        const testing::ToolResult tsCheck = opensslTimestampVerify(signatureValue, tokens.front());
        QVERIFY2(tsCheck.exitCode == 0, tsCheck.err.constData());
        QVERIFY(tsCheck.out.contains("Verification: OK"));
        QByteArray otherValue = signatureValue;
        otherValue[0] = static_cast<char>(otherValue[0] ^ 0x01);
        QVERIFY(opensslTimestampVerify(otherValue, tokens.front()).exitCode != 0);
    }

    void aClosedPortIsOfflineNotAnError()
    {
        const QByteArray cms = baselineCms();
        const TimestampedCms result = SignatureTimestamper::addTimestamp(
            cms, TimestampClient(sohoa::testing::closedPortUrl(QStringLiteral("/tsa"))));
        QVERIFY(!result.timestamp.token);
        QVERIFY(!result.timestamp.offlineReason.isEmpty());
        QCOMPARE(result.cms, cms); // still B-B, ready for the "awaiting time-stamp" queue
    }

    void anHttpErrorIsOffline()
    {
        server_->answerWith(503, "busy");
        const int before = server_->requestCount();
        const TimestampResult result =
            TimestampClient(server_->url()).requestToken(sha256("signature"));
        QCOMPARE(server_->requestCount(), before + 1);
        QVERIFY(!result.token);
        QVERIFY(!result.offlineReason.isEmpty());
    }

    void aServerThatNeverAnswersIsOfflineAfterTheTimeout()
    {
        server_->answerNothing();
        const TimestampResult result =
            TimestampClient(server_->url(), 300ms).requestToken(sha256("signature"));
        QVERIFY(!result.token);
        QVERIFY(result.offlineReason.contains(QLatin1String("did not answer")));
    }

    void garbageFromTheServerIsAClearError()
    {
        server_->answerWith(200, "<html>Trang không tồn tại</html>");
        const TimestampClient client(server_->url());
        const auto error = thrownBy<UserError>([&] { client.requestToken(sha256("signature")); });
        QVERIFY(error);
        QCOMPARE(error->kind(), ErrorKind::Processing);
        QVERIFY(error->message().contains(server_->url().toDisplayString()));
        QVERIFY(error->message().contains(QLatin1String("did not answer with a time-stamp")));
    }

    void aReplayedAnswerIsRefused()
    {
        const TimestampClient client(server_->url());
        QVERIFY(client.requestToken(sha256("first signature")).token);
        server_->answerWith(200, server_->lastResponse()); // valid, but for another request
        const auto error =
            thrownBy<UserError>([&] { client.requestToken(sha256("second signature")); });
        QVERIFY(error);
        QVERIFY(error->message().contains(QLatin1String("not valid for this signature")));
    }

    void aTokenWithABrokenSignatureIsRefused()
    {
        server_->answerWithTamperedTimestamps();
        const TimestampClient client(server_->url());
        const auto error = thrownBy<UserError>([&] { client.requestToken(sha256("signature")); });
        QVERIFY(error);
        QVERIFY(error->message().contains(QLatin1String("not valid for this signature")));
    }
};

QTEST_GUILESS_MAIN(TestTimestamp)
#include "test_timestamp.moc"
