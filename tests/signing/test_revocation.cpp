// SPDX-License-Identifier: GPL-3.0-or-later
// Revocation in the in-process verifier against real services on 127.0.0.1: the test CA's OCSP
// responder and CRL distribution point (TestRevocationServer), reached through the URLs the CA
// writes into the certificates it issues. OCSP comes first, the CRL when the responder cannot
// be had; a revocation before the claimed signing time breaks the signature, one after a
// time-stamp does not; nothing reachable is "unknown" within the timeout, not an error.
#include "signing/PdfSignatureReportJson.h"
#include "signing/PdfSignatureVerifier.h"
#include "support/IncrementalPdf.h"
#include "support/OpensslCms.h"
#include "support/TestCertificateAuthority.h"
#include "support/TestHttpServer.h"
#include "support/TestRevocationServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QThread>
#include <QtTest>
#include <chrono>
#include <memory>

using namespace sohoa::signing;
using namespace std::chrono_literals;
using sohoa::testing::CertificateRequest;
using sohoa::testing::IncrementalPdf;
using sohoa::testing::IssuedCertificate;
using sohoa::testing::RevocationReason;
using sohoa::testing::ServiceBehaviour;
using sohoa::testing::TestCertificateAuthority;
using sohoa::testing::TestRevocationServer;

namespace {

const QString kSignerName = QStringLiteral("Trần Thị Thu Hồi");

struct Pointers
{
    QUrl crl;
    QUrl ocsp;
};

IssuedCertificate issueSigner(const TestCertificateAuthority& authority, const Pointers& pointers)
{
    CertificateRequest request;
    request.commonName = kSignerName;
    request.crlUrl = pointers.crl;
    request.ocspUrl = pointers.ocsp;
    return authority.issue(request);
}

// Now, to the second: CRLs and OCSP answers carry no fractions.
QDateTime wholeSeconds(const QDateTime& time)
{
    return QDateTime::fromSecsSinceEpoch(time.toSecsSinceEpoch(), Qt::UTC);
}

} // namespace

class TestRevocation : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestCertificateAuthority> root_;
    std::unique_ptr<TestRevocationServer> services_; // root_'s OCSP responder and CRL
    IssuedCertificate timeStampAuthority_;

    Pointers rootPointers() const { return {services_->crlUrl(), services_->ocspUrl()}; }

    QByteArray signedPdf(const IssuedCertificate& signer, bool timeStamped = false,
                         const QList<QByteArray>& intermediates = {}) const
    {
        IncrementalPdf pdf;
        pdf.appendSignature(QStringLiteral("Signature1"), [&](const QByteArray& bytes) {
            return timeStamped ? sohoa::testing::opensslBaselineT(
                                     bytes, signer, timeStampAuthority_, intermediates)
                               : sohoa::testing::opensslBaselineB(bytes, signer, intermediates);
        });
        return pdf.bytes();
    }

    DocumentSignatureReport verify(const QByteArray& pdf, bool online = true,
                                   std::chrono::milliseconds timeout = 5s) const
    {
        const PdfSignatureVerifier verifier({root_->certificateDer()}, {online, timeout});
        return verifier.verify(pdf, QStringLiteral("ho-so.pdf"));
    }

    static const SignatureReport& only(const DocumentSignatureReport& document)
    {
        if (document.signatures.size() != 1)
            qFatal("expected one signature, found %zu", document.signatures.size());
        return document.signatures.front();
    }

private slots:
    void initTestCase()
    {
        root_ = std::make_unique<TestCertificateAuthority>(QStringLiteral("SoHoa Test Root CA"));
        services_ = std::make_unique<TestRevocationServer>(*root_);
        CertificateRequest tsa;
        tsa.commonName = QStringLiteral("SoHoa Test TSA");
        tsa.timeStamping = true;
        timeStampAuthority_ = root_->issue(tsa);
    }

    void cleanup()
    {
        services_->setOcspBehaviour(ServiceBehaviour::Answer);
        services_->setCrlBehaviour(ServiceBehaviour::Answer);
    }

    void revocationIsNotCheckedUnlessAsked()
    {
        const IssuedCertificate signer = issueSigner(*root_, rootPointers());
        const int ocspBefore = services_->ocspRequests();
        const int crlBefore = services_->crlRequests();
        const DocumentSignatureReport document = verify(signedPdf(signer), false);
        QCOMPARE(only(document).revocation.status, RevocationStatus::NotChecked);
        QCOMPARE(only(document).verdict, SignatureVerdict::Valid);
        QCOMPARE(services_->ocspRequests(), ocspBefore);
        QCOMPARE(services_->crlRequests(), crlBefore);
        const QJsonObject json =
            toJson(document)[QStringLiteral("signatures")].toArray().at(0).toObject();
        QCOMPARE(json[QStringLiteral("revocation")].toString(), QStringLiteral("not-checked"));
        QVERIFY(!json.contains(QStringLiteral("revoked_at")));
    }

    void aGoodCertificateIsGoodThroughOcsp()
    {
        const IssuedCertificate signer = issueSigner(*root_, rootPointers());
        const int ocspBefore = services_->ocspRequests();
        const int crlBefore = services_->crlRequests();
        const DocumentSignatureReport document = verify(signedPdf(signer));
        const SignatureReport& signature = only(document);
        QCOMPARE(signature.revocation.status, RevocationStatus::Good);
        QCOMPARE(signature.revocation.source, RevocationSource::Ocsp);
        QCOMPARE(signature.verdict, SignatureVerdict::Valid);
        QCOMPARE(document.verdict, DocumentVerdict::Valid);
        QCOMPARE(services_->ocspRequests(), ocspBefore + 1);
        QCOMPARE(services_->crlRequests(), crlBefore); // OCSP answered: no CRL download
        const QJsonObject json =
            toJson(document)[QStringLiteral("signatures")].toArray().at(0).toObject();
        QCOMPARE(json[QStringLiteral("revocation")].toString(), QStringLiteral("good"));
        QCOMPARE(json[QStringLiteral("revocation_source")].toString(), QStringLiteral("ocsp"));
    }

    void aCertificateRevokedBeforeSigningBreaksTheSignature()
    {
        const IssuedCertificate signer = issueSigner(*root_, rootPointers());
        const QDateTime revokedAt = wholeSeconds(QDateTime::currentDateTimeUtc().addDays(-1));
        root_->revoke(signer.certificateDer, revokedAt, RevocationReason::KeyCompromise);
        const DocumentSignatureReport document = verify(signedPdf(signer));
        const SignatureReport& signature = only(document);
        QCOMPARE(signature.revocation.status, RevocationStatus::Revoked);
        QCOMPARE(signature.revocation.source, RevocationSource::Ocsp);
        QCOMPARE(signature.revocation.revokedAt, revokedAt);
        QCOMPARE(signature.revocation.reason, QStringLiteral("keyCompromise"));
        QCOMPARE(signature.verdict, SignatureVerdict::Invalid);
        QVERIFY2(signature.message.contains(kSignerName), qPrintable(signature.message));
        QCOMPARE(document.verdict, DocumentVerdict::Invalid);
        QVERIFY2(document.message.contains(QStringLiteral("revoked")),
                 qPrintable(document.message));

        const QJsonObject json =
            toJson(document)[QStringLiteral("signatures")].toArray().at(0).toObject();
        QCOMPARE(json[QStringLiteral("revocation")].toString(), QStringLiteral("revoked"));
        QCOMPARE(QDateTime::fromString(json[QStringLiteral("revoked_at")].toString(), Qt::ISODate),
                 revokedAt);
        QCOMPARE(json[QStringLiteral("revocation_reason")].toString(),
                 QStringLiteral("keyCompromise"));
        QCOMPARE(json[QStringLiteral("verdict")].toString(), QStringLiteral("invalid"));
    }

    void aRevocationAfterSigningNeedsATimeStampOlderThanIt_data()
    {
        QTest::addColumn<bool>("timeStamped");
        QTest::addColumn<SignatureVerdict>("expected");
        // ETSI EN 319 102-1: the time-stamp proves the signature existed before the revocation.
        QTest::newRow("time-stamped (B-T)") << true << SignatureVerdict::Valid;
        // Only /M says so, and the signer writes /M: REVOKED_NO_POE.
        QTest::newRow("claimed time only (B-B)") << false << SignatureVerdict::Indeterminate;
    }

    void aRevocationAfterSigningNeedsATimeStampOlderThanIt()
    {
        QFETCH(bool, timeStamped);
        QFETCH(SignatureVerdict, expected);
        const IssuedCertificate signer = issueSigner(*root_, rootPointers());
        const QByteArray pdf = signedPdf(signer, timeStamped);
        QThread::msleep(1100); // genTime and /M count whole seconds
        root_->revoke(signer.certificateDer, QDateTime::currentDateTimeUtc(),
                      RevocationReason::AffiliationChanged);
        const SignatureReport signature = only(verify(pdf));
        QCOMPARE(signature.timeStamp.valid, timeStamped);
        QCOMPARE(signature.revocation.status, RevocationStatus::Revoked);
        QCOMPARE(signature.revocation.reason, QStringLiteral("affiliationChanged"));
        QCOMPARE(signature.verdict, expected);
        QVERIFY2(signature.message.contains(kSignerName), qPrintable(signature.message));
    }

    void anUnreachableResponderFallsBackToTheCrl_data()
    {
        QTest::addColumn<bool>("closedPort"); // else the responder answers HTTP 503
        QTest::addColumn<bool>("revoked");
        QTest::newRow("503, good") << false << false;
        QTest::newRow("503, revoked") << false << true;
        QTest::newRow("closed port, good") << true << false;
    }

    void anUnreachableResponderFallsBackToTheCrl()
    {
        QFETCH(bool, closedPort);
        QFETCH(bool, revoked);
        const IssuedCertificate signer =
            issueSigner(*root_, {services_->crlUrl(),
                                 closedPort ? sohoa::testing::closedPortUrl(QStringLiteral("/ocsp"))
                                            : services_->ocspUrl()});
        services_->setOcspBehaviour(ServiceBehaviour::Refuse);
        const QDateTime revokedAt = wholeSeconds(QDateTime::currentDateTimeUtc().addDays(-2));
        if (revoked)
            root_->revoke(signer.certificateDer, revokedAt, RevocationReason::Superseded);
        const int crlBefore = services_->crlRequests();
        const SignatureReport signature = only(verify(signedPdf(signer)));
        QCOMPARE(services_->crlRequests(), crlBefore + 1);
        QCOMPARE(signature.revocation.source, RevocationSource::Crl);
        if (revoked) {
            QCOMPARE(signature.revocation.status, RevocationStatus::Revoked);
            QCOMPARE(signature.revocation.revokedAt, revokedAt);
            QCOMPARE(signature.revocation.reason, QStringLiteral("superseded"));
            QCOMPARE(signature.verdict, SignatureVerdict::Invalid);
        } else {
            QCOMPARE(signature.revocation.status, RevocationStatus::Good);
            QCOMPARE(signature.verdict, SignatureVerdict::Valid);
        }
    }

    void nothingReachableIsUnknownWithinTheTimeout()
    {
        const IssuedCertificate signer = issueSigner(*root_, rootPointers());
        const QByteArray pdf = signedPdf(signer);
        services_->setOcspBehaviour(ServiceBehaviour::StaySilent);
        services_->setCrlBehaviour(ServiceBehaviour::StaySilent);
        constexpr auto kTimeout = 300ms;
        QElapsedTimer clock;
        clock.start();
        const DocumentSignatureReport document = verify(pdf, true, kTimeout);
        // One OCSP request and one CRL download, each cut at the timeout.
        QVERIFY2(clock.elapsed() < 2 * kTimeout.count() + 2000,
                 qPrintable(QString::number(clock.elapsed())));
        const SignatureReport& signature = only(document);
        QCOMPARE(signature.revocation.status, RevocationStatus::Unknown);
        QVERIFY2(signature.revocation.detail.contains(kSignerName),
                 qPrintable(signature.revocation.detail));
        QVERIFY2(signature.revocation.detail.contains(QStringLiteral("did not answer")),
                 qPrintable(signature.revocation.detail));
        QCOMPARE(signature.verdict, SignatureVerdict::Indeterminate);
        QVERIFY2(signature.message.contains(signature.revocation.detail),
                 qPrintable(signature.message));
        const QJsonObject json =
            toJson(document)[QStringLiteral("signatures")].toArray().at(0).toObject();
        QCOMPARE(json[QStringLiteral("revocation")].toString(), QStringLiteral("unknown"));
        QCOMPARE(json[QStringLiteral("revocation_detail")].toString(), signature.revocation.detail);
    }

    void aCertificateNamingNoServiceIsUnknown()
    {
        const SignatureReport signature = only(verify(signedPdf(issueSigner(*root_, {}))));
        QCOMPARE(signature.revocation.status, RevocationStatus::Unknown);
        QVERIFY2(signature.revocation.detail.contains(QStringLiteral("no OCSP responder")) &&
                     signature.revocation.detail.contains(QStringLiteral("no CRL")),
                 qPrintable(signature.revocation.detail));
        QCOMPARE(signature.verdict, SignatureVerdict::Indeterminate);
    }

    void anUntrustedChainIsNotAskedAbout()
    {
        const TestCertificateAuthority stranger(QStringLiteral("Unknown Root CA"));
        const TestRevocationServer strangersServices(stranger);
        const IssuedCertificate signer =
            issueSigner(stranger, {strangersServices.crlUrl(), strangersServices.ocspUrl()});
        const SignatureReport signature = only(verify(signedPdf(signer)));
        QCOMPARE(signature.certificate, CertificateStatus::UntrustedRoot);
        QCOMPARE(signature.revocation.status, RevocationStatus::NotChecked);
        QCOMPARE(strangersServices.ocspRequests() + strangersServices.crlRequests(), 0);
    }

    void anOcspAnswerSignedByAnotherAuthorityIsNotTrusted()
    {
        // The stranger answers "good" about any serial number: only its signature gives it away.
        const TestCertificateAuthority stranger(QStringLiteral("Forging Responder CA"));
        const TestRevocationServer forger(stranger);
        const IssuedCertificate signer = issueSigner(*root_, {{}, forger.ocspUrl()});
        root_->revoke(signer.certificateDer, QDateTime::currentDateTimeUtc().addDays(-1));
        const SignatureReport signature = only(verify(signedPdf(signer)));
        QCOMPARE(forger.ocspRequests(), 1);
        QCOMPARE(signature.revocation.status, RevocationStatus::Unknown);
        QVERIFY2(signature.revocation.detail.contains(QStringLiteral("not signed by")),
                 qPrintable(signature.revocation.detail));
    }

    void aDelegatedResponderMustBeOneForOcsp_data()
    {
        QTest::addColumn<bool>("ocspSigning");
        QTest::newRow("extendedKeyUsage OCSPSigning") << true;
        QTest::newRow("an ordinary certificate of the CA") << false;
    }

    void aDelegatedResponderMustBeOneForOcsp()
    {
        QFETCH(bool, ocspSigning);
        TestRevocationServer delegating(*root_);
        CertificateRequest request;
        request.commonName = QStringLiteral("SoHoa Test OCSP Responder");
        request.ocspSigning = ocspSigning;
        delegating.delegateOcspTo(root_->issue(request));
        const IssuedCertificate signer = issueSigner(*root_, {{}, delegating.ocspUrl()});
        const SignatureReport signature = only(verify(signedPdf(signer)));
        QCOMPARE(signature.revocation.status,
                 ocspSigning ? RevocationStatus::Good : RevocationStatus::Unknown);
    }

    void everyCertificateBelowTheAnchorIsChecked()
    {
        const std::unique_ptr<TestCertificateAuthority> intermediate = root_->issueIntermediate(
            QStringLiteral("SoHoa Test Issuing CA"), services_->crlUrl(), services_->ocspUrl());
        const TestRevocationServer intermediateServices(*intermediate);
        const IssuedCertificate signer = issueSigner(
            *intermediate, {intermediateServices.crlUrl(), intermediateServices.ocspUrl()});
        const QList<QByteArray> carried{intermediate->certificateDer()};
        const int rootOcspBefore = services_->ocspRequests();

        const SignatureReport good = only(verify(signedPdf(signer, false, carried)));
        QCOMPARE(good.certificate, CertificateStatus::Trusted);
        QCOMPARE(good.revocation.status, RevocationStatus::Good);
        QCOMPARE(intermediateServices.ocspRequests(), 1);        // about the signer
        QCOMPARE(services_->ocspRequests(), rootOcspBefore + 1); // about the intermediate

        root_->revoke(intermediate->certificateDer(), QDateTime::currentDateTimeUtc().addDays(-1),
                      RevocationReason::CaCompromise);
        const SignatureReport revoked = only(verify(signedPdf(signer, false, carried)));
        QCOMPARE(revoked.revocation.status, RevocationStatus::Revoked);
        QCOMPARE(revoked.revocation.reason, QStringLiteral("cACompromise"));
        QCOMPARE(revoked.verdict, SignatureVerdict::Invalid);
    }
};

QTEST_MAIN(TestRevocation)
#include "test_revocation.moc"
