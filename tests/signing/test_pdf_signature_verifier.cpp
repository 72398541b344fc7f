// SPDX-License-Identifier: GPL-3.0-or-later
// The in-process verifier (OpenSSL + qpdf) against poppler's pdfsig on signed PDFs made by
// independent tools: pdfsig itself (adbe.pkcs7.detached, through NSS) and the openssl command
// line (ETSI.CAdES.detached over IncrementalPdf's byte ranges, B-B and B-T with `openssl ts`).
// On every case both must agree on the signature, the certificate and whether the whole
// document is signed; the verifier's own findings (what later updates change, the PAdES level)
// are asserted as well.
#include "domain/UserError.h"
#include "signing/PdfSignatureReportJson.h"
#include "signing/PdfSignatureVerifier.h"
#include "support/ErrorCapture.h"
#include "support/IncrementalPdf.h"
#include "support/OpensslCms.h"
#include "support/Pdfsig.h"
#include "support/TestCertificateAuthority.h"
#include "support/ToolRunner.h"

#include <QBuffer>
#include <QJsonArray>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <memory>

using namespace sohoa;
using namespace sohoa::signing;
using sohoa::testing::CertificateRequest;
using sohoa::testing::CmsAttributes;
using sohoa::testing::IncrementalPdf;
using sohoa::testing::IssuedCertificate;
using sohoa::testing::PdfsigNssDatabase;
using sohoa::testing::PdfsigReport;
using sohoa::testing::PdfsigSignature;
using sohoa::testing::SignatureFieldOptions;
using sohoa::testing::TestCertificateAuthority;

Q_DECLARE_METATYPE(sohoa::signing::CertificateStatus)
Q_DECLARE_METATYPE(sohoa::signing::ChangesAfterSigning)

namespace {

const QString kSignerName = QStringLiteral("Nguyễn Văn Ký");
const QString kAgency = QStringLiteral("UBND phường Bến Nghé");

// A one-page PDF as Qt writes it (classic xref, compressed content, an embedded font, /Info).
QByteArray writtenByQt()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(QStringLiteral("Giấy xác nhận cư trú"));
        QPainter painter(&writer);
        painter.setFont(QFont(QStringLiteral("Liberation Serif"), 14));
        painter.drawText(QPointF(500, 800), QStringLiteral("Giấy xác nhận cư trú — bản số hóa"));
    }
    return buffer.data();
}

// Replaces the first space at or after `from` with a line feed: one changed byte that keeps the
// file parseable, so only the signature can notice it. Returns where the change is.
qint64 changeOneByte(QByteArray& pdf, qint64 from)
{
    const qint64 at = pdf.indexOf(' ', from);
    pdf[at] = '\n';
    return at;
}

bool ourSignatureHolds(const SignatureReport& signature)
{
    return signature.byteRangeWellFormed && signature.digestMatches && signature.signatureVerifies;
}

// pdfsig's words for a certificate status (poppler 22.12 with NSS, which calls a certificate
// outside its validity "expired" either way).
QStringList pdfsigWordsFor(CertificateStatus status)
{
    switch (status) {
    case CertificateStatus::Trusted:
        return {QStringLiteral("Certificate is Trusted.")};
    case CertificateStatus::UntrustedRoot:
        return {QStringLiteral("Certificate issuer isn't Trusted."),
                QStringLiteral("Certificate issuer is unknown.")};
    case CertificateStatus::Expired:
    case CertificateStatus::NotYetValid:
        return {QStringLiteral("Certificate has Expired")};
    case CertificateStatus::NotForSigning:
    case CertificateStatus::Invalid:
        break;
    }
    return {QStringLiteral("Unknown issue with Certificate or corrupted data.")};
}

struct BothVerdicts
{
    DocumentSignatureReport ours;
    PdfsigReport pdfsig;
};

} // namespace

class TestPdfSignatureVerifier : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir directory_;
    std::unique_ptr<TestCertificateAuthority> root_;
    std::unique_ptr<TestCertificateAuthority> strangerRoot_;
    std::unique_ptr<TestCertificateAuthority> intermediate_;
    IssuedCertificate signer_;
    // pdfsig 22.12 fails ("Unknown issue") the second of two signatures by one certificate that
    // its database does not hold, so a second signature comes from another signer.
    IssuedCertificate secondSigner_;
    IssuedCertificate timeStampAuthority_;
    std::unique_ptr<PdfsigNssDatabase> trusting_; // pdfsig's view: trusts root_ only
    std::unique_ptr<PdfSignatureVerifier> verifier_;
    QByteArray unsigned_;
    int files_ = 0;

    QString newPath(const QString& stem)
    {
        return directory_.filePath(QStringLiteral("%1-%2.pdf").arg(stem).arg(files_++));
    }

    QString written(const QByteArray& pdf)
    {
        const QString path = newPath(QStringLiteral("in"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    IssuedCertificate issue(const TestCertificateAuthority& authority, const QDateTime& notBefore,
                            const QDateTime& notAfter, bool forSigning = true)
    {
        CertificateRequest request;
        request.commonName = kSignerName;
        request.organization = kAgency;
        request.notBefore = notBefore;
        request.notAfter = notAfter;
        request.forSigning = forSigning;
        return authority.issue(request);
    }

    IssuedCertificate issueValid(const TestCertificateAuthority& authority)
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        return issue(authority, now.addDays(-1), now.addYears(1));
    }

    // pdfsig -add-signature, or -sign `field` when given, with the key in an NSS database of
    // its own, which trusts nothing.
    QByteArray signedByPdfsig(const QByteArray& pdf, const IssuedCertificate& signer,
                              const QString& field = {})
    {
        const QString keys = newPath(QStringLiteral("keys"));
        if (!QDir().mkpath(keys))
            qFatal("cannot create %s", qPrintable(keys));
        const PdfsigNssDatabase database(keys);
        const QString nickname = QStringLiteral("signer");
        database.addSigningKey(nickname, signer.certificateDer, signer.privateKeyPem);
        const QString in = written(pdf);
        const QString out = newPath(QStringLiteral("signed"));
        if (field.isEmpty())
            database.addSignature(in, out, nickname);
        else
            database.signField(in, out, nickname, field);
        QFile file(out);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("pdfsig wrote no %s", qPrintable(out));
        return file.readAll();
    }

    QByteArray baselineB(const QByteArray& bytes, const IssuedCertificate& signer)
    {
        return testing::opensslBaselineB(bytes, signer);
    }

    QByteArray baselineT(const QByteArray& bytes, const IssuedCertificate& signer)
    {
        return testing::opensslBaselineT(bytes, signer, timeStampAuthority_);
    }

    BothVerdicts verifyBoth(const QByteArray& pdf)
    {
        BothVerdicts verdicts;
        verdicts.ours = verifier_->verify(pdf, QStringLiteral("signed.pdf"));
        verdicts.pdfsig = trusting_->verify(written(pdf));
        return verdicts;
    }

    // The two verifiers agree on each signature, found by its field name: it holds or not, the
    // certificate (when the signature holds; pdfsig skips it otherwise), and whether it covers
    // the whole document. Empty signature fields are no signatures.
    static void expectAgreement(const BothVerdicts& verdicts)
    {
        QVERIFY2(verdicts.pdfsig.opened, qPrintable(verdicts.pdfsig.output));
        std::vector<PdfsigSignature> theirs;
        std::copy_if(verdicts.pdfsig.signatures.begin(), verdicts.pdfsig.signatures.end(),
                     std::back_inserter(theirs),
                     [](const PdfsigSignature& signature) { return signature.isSigned; });
        QCOMPARE(verdicts.ours.signatures.size(), theirs.size());
        for (const SignatureReport& our : verdicts.ours.signatures) {
            const QByteArray context = our.fieldName.toUtf8() + ": " + our.message.toUtf8() +
                                       "\npdfsig: " + verdicts.pdfsig.output.toUtf8();
            const auto their =
                std::find_if(theirs.begin(), theirs.end(), [&](const PdfsigSignature& signature) {
                    return signature.fieldName == our.fieldName;
                });
            QVERIFY2(their != theirs.end(), context);
            QVERIFY2(ourSignatureHolds(our) == their->signatureValid(), context);
            QVERIFY2(our.coversWholeDocument == their->totalDocumentSigned, context);
            if (their->signatureValid())
                QVERIFY2(pdfsigWordsFor(our.certificate).contains(their->certificateValidation),
                         context);
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(directory_.isValid());
        root_ = std::make_unique<TestCertificateAuthority>(QStringLiteral("SoHoa Test Root CA"));
        strangerRoot_ =
            std::make_unique<TestCertificateAuthority>(QStringLiteral("Unknown Root CA"));
        intermediate_ = root_->issueIntermediate(QStringLiteral("SoHoa Test Issuing CA"));
        signer_ = issueValid(*root_);
        secondSigner_ = issueValid(*root_);
        CertificateRequest tsa;
        tsa.commonName = QStringLiteral("SoHoa Test TSA");
        tsa.timeStamping = true;
        timeStampAuthority_ = root_->issue(tsa);

        const QString trusting = directory_.filePath(QStringLiteral("nss-trusting"));
        QVERIFY(QDir().mkpath(trusting));
        trusting_ = std::make_unique<PdfsigNssDatabase>(trusting,
                                                        QList<QByteArray>{root_->certificateDer()});
        verifier_ =
            std::make_unique<PdfSignatureVerifier>(QList<QByteArray>{root_->certificateDer()});
        unsigned_ = writtenByQt();
    }

    void aFileWithoutSignaturesGivesAnEmptyList()
    {
        const BothVerdicts verdicts = verifyBoth(unsigned_);
        QVERIFY(verdicts.ours.signatures.empty());
        QCOMPARE(verdicts.ours.verdict, DocumentVerdict::Unsigned);
        expectAgreement(verdicts);
    }

    void aPdfsigSignatureIsValid()
    {
        const QByteArray pdf = signedByPdfsig(unsigned_, signer_);
        const BothVerdicts verdicts = verifyBoth(pdf);
        expectAgreement(verdicts);
        QCOMPARE(verdicts.ours.signatures.size(), std::size_t{1});
        const SignatureReport& signature = verdicts.ours.signatures[0];
        QVERIFY(signature.byteRangeWellFormed);
        QVERIFY(signature.digestMatches);
        QVERIFY(signature.signatureVerifies);
        QCOMPARE(signature.subFilter, QStringLiteral("adbe.pkcs7.detached"));
        QCOMPARE(signature.digestAlgorithm, QStringLiteral("SHA256"));
        QCOMPARE(signature.signer.commonName, kSignerName);
        QCOMPARE(signature.signer.organization, kAgency);
        QVERIFY2(signature.signer.issuer.contains(QStringLiteral("CN=SoHoa Test Root CA")),
                 qPrintable(signature.signer.issuer));
        QCOMPARE(signature.certificate, CertificateStatus::Trusted);
        QCOMPARE(signature.revocation.status, RevocationStatus::NotChecked);
        QVERIFY(signature.claimedSigningTime.isValid());
        QCOMPARE(signature.validationTimeSource, ValidationTimeSource::ClaimedTime);
        QCOMPARE(signature.validationTime, signature.claimedSigningTime);
        QVERIFY(signature.coversWholeDocument);
        QCOMPARE(signature.changesAfterSigning, ChangesAfterSigning::None);
        // pdfsig writes adbe.pkcs7.detached, which is no PAdES baseline.
        QCOMPARE(signature.padesLevel, PadesLevel::None);
        QCOMPARE(signature.verdict, SignatureVerdict::Valid);
        QVERIFY2(signature.message.contains(kSignerName), qPrintable(signature.message));
        QCOMPARE(verdicts.ours.verdict, DocumentVerdict::Valid);
    }

    void aChangedByteInTheSignedRangeIsFound_data()
    {
        QTest::addColumn<int>("where"); // 0 start, 1 middle of the first range, 2 second range
        QTest::newRow("start") << 0;
        QTest::newRow("middle") << 1;
        QTest::newRow("second range") << 2;
    }

    void aChangedByteInTheSignedRangeIsFound()
    {
        QFETCH(int, where);
        QByteArray pdf = signedByPdfsig(unsigned_, signer_);
        const std::vector<qint64> range =
            verifier_->verify(pdf, QStringLiteral("x")).signatures.at(0).byteRange;
        const qint64 from = where == 0 ? 0 : where == 1 ? range[1] / 2 : range[2];
        const qint64 at = changeOneByte(pdf, from);
        QVERIFY2(where == 2 ? at >= range[2] : at < range[1], "the change is in the range");

        const BothVerdicts verdicts = verifyBoth(pdf);
        expectAgreement(verdicts);
        const SignatureReport& signature = verdicts.ours.signatures.at(0);
        QVERIFY(signature.byteRangeWellFormed);
        QVERIFY(!signature.digestMatches);
        QVERIFY(signature.signatureVerifies); // the signed attributes themselves are intact
        QCOMPARE(signature.verdict, SignatureVerdict::Invalid);
        QCOMPARE(verdicts.ours.verdict, DocumentVerdict::Invalid);
    }

    void certificateProblemsAreNamed_data()
    {
        QTest::addColumn<int>("problem");
        QTest::addColumn<CertificateStatus>("expected");
        QTest::newRow("untrusted root") << 0 << CertificateStatus::UntrustedRoot;
        QTest::newRow("expired") << 1 << CertificateStatus::Expired;
        QTest::newRow("not yet valid") << 2 << CertificateStatus::NotYetValid;
        QTest::newRow("not for signing") << 3 << CertificateStatus::NotForSigning;
    }

    void certificateProblemsAreNamed()
    {
        QFETCH(int, problem);
        QFETCH(CertificateStatus, expected);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const IssuedCertificate signer =
            problem == 0   ? issueValid(*strangerRoot_)
            : problem == 1 ? issue(*root_, now.addDays(-30), now.addDays(-1))
            // NSS accepts certificates that become valid within a day (clock skew).
            : problem == 2 ? issue(*root_, now.addDays(7), now.addYears(1))
                           : issue(*root_, now.addDays(-1), now.addYears(1), false);
        const BothVerdicts verdicts = verifyBoth(signedByPdfsig(unsigned_, signer));
        expectAgreement(verdicts);
        const SignatureReport& signature = verdicts.ours.signatures.at(0);
        QVERIFY(ourSignatureHolds(signature));
        QCOMPARE(signature.certificate, expected);
        QCOMPARE(signature.verdict, SignatureVerdict::Indeterminate);
        QCOMPARE(verdicts.ours.verdict, DocumentVerdict::Indeterminate);
    }

    void aNonSignatureUpdateAfterSigningIsAModification_data()
    {
        QTest::addColumn<bool>("redrawPage"); // else: new document information
        QTest::newRow("page content") << true;
        QTest::newRow("document information") << false;
    }

    void aNonSignatureUpdateAfterSigningIsAModification()
    {
        QFETCH(bool, redrawPage);
        // The page redraw needs the sample's object numbers: sign IncrementalPdf's sample.
        IncrementalPdf pdf(
            signedByPdfsig(redrawPage ? IncrementalPdf().bytes() : unsigned_, signer_));
        if (redrawPage)
            pdf.appendPageRedraw("1 0 0 rg 20 20 160 60 re f");
        else
            pdf.appendInfo(QStringLiteral("Bản đã sửa"));

        const BothVerdicts verdicts = verifyBoth(pdf.bytes());
        expectAgreement(verdicts);
        const SignatureReport& signature = verdicts.ours.signatures.at(0);
        QVERIFY(ourSignatureHolds(signature));
        QVERIFY(!signature.coversWholeDocument);
        QCOMPARE(signature.changesAfterSigning, ChangesAfterSigning::OtherModifications);
        QCOMPARE(signature.verdict, SignatureVerdict::Modified);
        QCOMPARE(verdicts.ours.verdict, DocumentVerdict::Modified);
    }

    void aSecondPdfsigSignatureIsOnlyAFurtherSignature()
    {
        const QByteArray pdf = signedByPdfsig(signedByPdfsig(unsigned_, signer_), secondSigner_);
        const BothVerdicts verdicts = verifyBoth(pdf);
        expectAgreement(verdicts);
        const auto& signatures = verdicts.ours.signatures;
        QCOMPARE(signatures.size(), std::size_t{2});
        QCOMPARE(signatures[0].changesAfterSigning, ChangesAfterSigning::FurtherSignaturesOnly);
        QCOMPARE(signatures[0].verdict, SignatureVerdict::Valid);
        QCOMPARE(signatures[1].changesAfterSigning, ChangesAfterSigning::None);
        QCOMPARE(signatures[1].verdict, SignatureVerdict::Valid);
        QCOMPARE(verdicts.ours.verdict, DocumentVerdict::Valid);
    }

    void aCadesSignatureWithoutSigningTimeIsBaselineB()
    {
        IncrementalPdf pdf;
        pdf.appendSignature(QStringLiteral("Chữ ký số"),
                            [this](const QByteArray& bytes) { return baselineB(bytes, signer_); });
        const BothVerdicts verdicts = verifyBoth(pdf.bytes());
        expectAgreement(verdicts);
        const SignatureReport& signature = verdicts.ours.signatures.at(0);
        QCOMPARE(signature.subFilter, QStringLiteral("ETSI.CAdES.detached"));
        QCOMPARE(signature.fieldName, QStringLiteral("Chữ ký số"));
        QCOMPARE(signature.verdict, SignatureVerdict::Valid);
        QVERIFY(!signature.timeStamp.present);
        QCOMPARE(signature.padesLevel, PadesLevel::BaselineB);
    }

    void signatureAttributesDecideTheLevel_data()
    {
        QTest::addColumn<int>("attributes");
        QTest::addColumn<bool>("signingTimeRemoved");
        // openssl cms adds a signingTime, which PAdES forbids; -noattr drops every attribute;
        // without -cades there is no signing-certificate-v2, which B-B requires.
        QTest::newRow("CAdES with signing time") << int(CmsAttributes::Cades) << false;
        QTest::newRow("plain CMS") << int(CmsAttributes::Default) << false;
        QTest::newRow("without signing-certificate-v2") << int(CmsAttributes::Default) << true;
        QTest::newRow("no signed attributes") << int(CmsAttributes::None) << false;
    }

    void signatureAttributesDecideTheLevel()
    {
        QFETCH(int, attributes);
        QFETCH(bool, signingTimeRemoved);
        IncrementalPdf pdf;
        pdf.appendSignature(QStringLiteral("Signature1"), [&](const QByteArray& bytes) {
            const QByteArray cms =
                testing::opensslCmsSign(bytes, signer_, CmsAttributes(attributes));
            return signingTimeRemoved ? testing::withoutSigningTime(cms, signer_.privateKeyPem)
                                      : cms;
        });
        const BothVerdicts verdicts = verifyBoth(pdf.bytes());
        expectAgreement(verdicts);
        const SignatureReport& signature = verdicts.ours.signatures.at(0);
        QCOMPARE(signature.subFilter, QStringLiteral("ETSI.CAdES.detached"));
        QCOMPARE(signature.verdict, SignatureVerdict::Valid);
        QCOMPARE(signature.padesLevel, PadesLevel::None);
    }

    void aSigningCertificateNamingAnotherCertificateIsNoBaseline()
    {
        IncrementalPdf pdf;
        pdf.appendSignature(QStringLiteral("Signature1"), [this](const QByteArray& bytes) {
            return testing::withSigningCertificateOf(
                baselineB(bytes, signer_), baselineB(bytes, secondSigner_), signer_.privateKeyPem);
        });
        const BothVerdicts verdicts = verifyBoth(pdf.bytes());
        expectAgreement(verdicts);
        const SignatureReport& signature = verdicts.ours.signatures.at(0);
        QCOMPARE(signature.verdict, SignatureVerdict::Valid);
        QCOMPARE(signature.padesLevel, PadesLevel::None);
    }

    void anAdbePkcs7Sha1SignatureIsNoBaseline()
    {
        IncrementalPdf pdf;
        pdf.appendSignature(
            QStringLiteral("Signature1"),
            [this](const QByteArray& bytes) {
                return testing::opensslSha1Pkcs7Sign(bytes, signer_);
            },
            "adbe.pkcs7.sha1");
        const BothVerdicts verdicts = verifyBoth(pdf.bytes());
        expectAgreement(verdicts);
        const SignatureReport& signature = verdicts.ours.signatures.at(0);
        QCOMPARE(signature.digestAlgorithm, QStringLiteral("SHA1"));
        QCOMPARE(signature.verdict, SignatureVerdict::Valid);
        QCOMPARE(signature.padesLevel, PadesLevel::None);

        // The encapsulated digest must be the one of the signed bytes.
        QByteArray changed = pdf.bytes();
        changeOneByte(changed, 0);
        const BothVerdicts tampered = verifyBoth(changed);
        expectAgreement(tampered);
        QVERIFY(!tampered.ours.signatures.at(0).digestMatches);
    }

    void aValidSignatureTimeStampMakesBaselineT()
    {
        IncrementalPdf pdf;
        pdf.appendSignature(QStringLiteral("Signature1"),
                            [this](const QByteArray& bytes) { return baselineT(bytes, signer_); });
        const BothVerdicts verdicts = verifyBoth(pdf.bytes());
        expectAgreement(verdicts);
        const SignatureReport& signature = verdicts.ours.signatures.at(0);
        QVERIFY(signature.timeStamp.present);
        QVERIFY(signature.timeStamp.valid);
        QCOMPARE(signature.validationTimeSource, ValidationTimeSource::TimeStamp);
        QCOMPARE(signature.validationTime, signature.timeStamp.time);
        QCOMPARE(signature.padesLevel, PadesLevel::BaselineT);
        QCOMPARE(signature.verdict, SignatureVerdict::Valid);
    }

    void aTimeStampOverOtherDataIsNotBaselineT()
    {
        IncrementalPdf pdf;
        pdf.appendSignature(QStringLiteral("Signature1"), [this](const QByteArray& bytes) {
            const QByteArray cms = baselineB(bytes, signer_);
            return testing::withSignatureTimeStamp(
                cms, testing::opensslTimeStampToken("other data", timeStampAuthority_));
        });
        const BothVerdicts verdicts = verifyBoth(pdf.bytes());
        expectAgreement(verdicts);
        const SignatureReport& signature = verdicts.ours.signatures.at(0);
        QVERIFY(signature.timeStamp.present);
        QVERIFY(!signature.timeStamp.valid);
        QCOMPARE(signature.validationTimeSource, ValidationTimeSource::ClaimedTime);
        QCOMPARE(signature.padesLevel, PadesLevel::BaselineB);
        QCOMPARE(signature.verdict, SignatureVerdict::Valid);
    }

    void intermediatesComeFromTheCms()
    {
        const IssuedCertificate signer = issueValid(*intermediate_);
        IncrementalPdf pdf;
        pdf.appendSignature(QStringLiteral("Signature1"), [&](const QByteArray& bytes) {
            return testing::opensslCmsSign(bytes, signer, CmsAttributes::Default,
                                           {intermediate_->certificateDer()});
        });
        const BothVerdicts verdicts = verifyBoth(pdf.bytes());
        expectAgreement(verdicts);
        QCOMPARE(verdicts.ours.signatures.at(0).certificate, CertificateStatus::Trusted);
    }

    void laterCadesSignaturesAreOnlyFurtherSignatures()
    {
        IncrementalPdf pdf;
        pdf.appendSignature(QStringLiteral("Officer"),
                            [this](const QByteArray& bytes) { return baselineB(bytes, signer_); });
        pdf.appendSignature(QStringLiteral("Supervisor"), [this](const QByteArray& bytes) {
            return baselineB(bytes, secondSigner_);
        });
        const BothVerdicts verdicts = verifyBoth(pdf.bytes());
        expectAgreement(verdicts);
        const auto& signatures = verdicts.ours.signatures;
        QCOMPARE(signatures.size(), std::size_t{2});
        QCOMPARE(signatures[0].fieldName, QStringLiteral("Officer"));
        QCOMPARE(signatures[0].changesAfterSigning, ChangesAfterSigning::FurtherSignaturesOnly);
        QCOMPARE(signatures[1].changesAfterSigning, ChangesAfterSigning::None);
        QCOMPARE(verdicts.ours.verdict, DocumentVerdict::Valid);
    }

    void aChangeBetweenTwoSignaturesStaysAModification()
    {
        IncrementalPdf pdf;
        pdf.appendSignature(QStringLiteral("Officer"),
                            [this](const QByteArray& bytes) { return baselineB(bytes, signer_); });
        pdf.appendPageRedraw("1 0 0 rg 20 20 160 60 re f");
        pdf.appendSignature(QStringLiteral("Supervisor"), [this](const QByteArray& bytes) {
            return baselineB(bytes, secondSigner_);
        });
        const BothVerdicts verdicts = verifyBoth(pdf.bytes());
        expectAgreement(verdicts);
        const auto& signatures = verdicts.ours.signatures;
        QCOMPARE(signatures.at(0).changesAfterSigning, ChangesAfterSigning::OtherModifications);
        QCOMPARE(signatures.at(0).verdict, SignatureVerdict::Modified);
        QCOMPARE(signatures.at(1).verdict, SignatureVerdict::Valid);
        QCOMPARE(verdicts.ours.verdict, DocumentVerdict::Modified);
    }

    void laterUpdatesAreClassified_data()
    {
        QTest::addColumn<int>("update");
        QTest::addColumn<ChangesAfterSigning>("expected");
        QTest::newRow("pdfsig signs an empty slot")
            << 0 << ChangesAfterSigning::FurtherSignaturesOnly;
        QTest::newRow("an empty slot for a later signature")
            << 1 << ChangesAfterSigning::OtherModifications;
        QTest::newRow("the signed field renamed") << 2 << ChangesAfterSigning::OtherModifications;
        QTest::newRow("a note on the page") << 3 << ChangesAfterSigning::OtherModifications;
        QTest::newRow("a dangling reference filled in")
            << 4 << ChangesAfterSigning::OtherModifications;
        QTest::newRow("the signed field's appearance replaced")
            << 5 << ChangesAfterSigning::OtherModifications;
    }

    // "Officer" signs IncrementalPdf's sample (its value is object 5, its field 6, the page 3;
    // in row 0 next to an empty slot "Supervisor"; in row 4 the page draws a form object 50
    // that does not exist yet), then an update follows.
    void laterUpdatesAreClassified()
    {
        QFETCH(int, update);
        QFETCH(ChangesAfterSigning, expected);
        IncrementalPdf pdf;
        if (update == 0)
            pdf.addSignatureField(QStringLiteral("Supervisor"), SignatureFieldOptions::emptySlot());
        if (update == 4) {
            pdf.appendReplacement(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources "
                                     "<< /XObject << /Stamp 50 0 R >> >> >>");
            pdf.appendPageRedraw("0 0 1 rg 20 20 160 60 re f /Stamp Do");
        }
        pdf.appendSignature(QStringLiteral("Officer"),
                            [this](const QByteArray& bytes) { return baselineB(bytes, signer_); });
        switch (update) {
        case 0:
            pdf = IncrementalPdf(
                signedByPdfsig(pdf.bytes(), secondSigner_, QStringLiteral("Supervisor")));
            break;
        case 1:
            pdf.addSignatureField(QStringLiteral("Later"), SignatureFieldOptions::emptySlot());
            pdf.appendUpdate();
            break;
        case 2:
            pdf.appendReplacement(6, "<< /Type /Annot /Subtype /Widget /T (Forged) /Rect [0 0 0 0] "
                                     "/F 132 /P 3 0 R /V 5 0 R /FT /Sig >>");
            break;
        case 3:
            pdf.appendReplacement(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] "
                                     "/Contents 4 0 R /Annots [6 0 R << /Type /Annot /Subtype "
                                     "/Text /Rect [10 10 30 30] /Contents (Approved) >>] >>");
            break;
        case 4:
            pdf.appendReplacement(50,
                                  "<< /Type /XObject /Subtype /Form /BBox [0 0 200 100] "
                                  "/Length 25 >>\nstream\n1 0 0 rg 0 0 200 100 re f\nendstream");
            break;
        case 5:
            pdf.appendReplacement(6, "<< /Type /Annot /Subtype /Widget /T (Officer) "
                                     "/Rect [0 0 0 0] /F 132 /P 3 0 R /V 5 0 R /FT /Sig "
                                     "/AP << /N 4 0 R >> >>");
            break;
        }
        const BothVerdicts verdicts = verifyBoth(pdf.bytes());
        expectAgreement(verdicts);
        const SignatureReport& signature = verdicts.ours.signatures.at(0);
        QVERIFY(ourSignatureHolds(signature));
        QVERIFY(!signature.coversWholeDocument);
        QCOMPARE(signature.changesAfterSigning, expected);
    }

    void aLockedFileIsRefused()
    {
        const QString signedPath = written(signedByPdfsig(unsigned_, signer_));
        const QString lockedPath = newPath(QStringLiteral("locked"));
        const testing::ToolResult encryption = testing::runTool(
            QStringLiteral("qpdf"),
            {QStringLiteral("--encrypt"), QStringLiteral("user"), QStringLiteral("owner"),
             QStringLiteral("256"), QStringLiteral("--"), signedPath, lockedPath});
        QVERIFY2(encryption.exitCode == 0, encryption.err.constData());
        QFile file(lockedPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray locked = file.readAll();

        const auto error = testing::thrownBy<UserError>(
            [&] { verifier_->verify(locked, QStringLiteral("locked.pdf")); });
        QVERIFY(error);
        QCOMPARE(error->kind(), ErrorKind::InvalidInput);
        QVERIFY2(error->message().contains(QStringLiteral("password")),
                 qPrintable(error->message()));
        QVERIFY(!trusting_->verify(lockedPath).opened);
    }

    void aTruncatedFileIsDamagedOrItsSignatureBroken()
    {
        const QByteArray pdf = signedByPdfsig(unsigned_, signer_);

        // Cut in the signature's second range: the signature is found but covers missing bytes.
        const BothVerdicts cut = verifyBoth(pdf.left(pdf.size() - 100));
        expectAgreement(cut);
        const SignatureReport& signature = cut.ours.signatures.at(0);
        QVERIFY(!signature.byteRangeWellFormed);
        QCOMPARE(signature.changesAfterSigning, ChangesAfterSigning::Unknown);
        QCOMPARE(signature.verdict, SignatureVerdict::Invalid);

        // Cut to its first bytes: no PDF is left to read.
        const QByteArray stub = pdf.left(100);
        const auto error = testing::thrownBy<UserError>(
            [&] { verifier_->verify(stub, QStringLiteral("stub.pdf")); });
        QVERIFY(error);
        QCOMPARE(error->kind(), ErrorKind::InvalidInput);
        QVERIFY2(error->message().contains(QStringLiteral("stub.pdf")),
                 qPrintable(error->message()));
        QVERIFY(!trusting_->verify(written(stub)).opened);
    }

    void aTrustAnchorMustBeACertificate()
    {
        const auto error = testing::thrownBy<UserError>(
            [] { PdfSignatureVerifier verifier({QByteArray("not a certificate")}); });
        QVERIFY(error);
        QCOMPARE(error->kind(), ErrorKind::InvalidInput);
    }

    void theJsonReportUsesStableKeys()
    {
        IncrementalPdf pdf;
        pdf.appendSignature(QStringLiteral("Signature1"),
                            [this](const QByteArray& bytes) { return baselineT(bytes, signer_); });
        pdf.appendInfo(QStringLiteral("later"));
        const QJsonObject json = toJson(verifier_->verify(pdf.bytes(), QStringLiteral("x")));
        QCOMPARE(json[QStringLiteral("verdict")].toString(), QStringLiteral("modified"));
        QVERIFY(!json[QStringLiteral("message")].toString().isEmpty());
        const QJsonObject signature = json[QStringLiteral("signatures")].toArray().at(0).toObject();
        QCOMPARE(signature[QStringLiteral("field")].toString(), QStringLiteral("Signature1"));
        QCOMPARE(signature[QStringLiteral("sub_filter")].toString(),
                 QStringLiteral("ETSI.CAdES.detached"));
        QCOMPARE(signature[QStringLiteral("signer")][QStringLiteral("common_name")].toString(),
                 kSignerName);
        QCOMPARE(signature[QStringLiteral("byte_range")].toArray().size(), 4);
        QVERIFY(signature[QStringLiteral("byte_range_ok")].toBool());
        QVERIFY(signature[QStringLiteral("digest_ok")].toBool());
        QVERIFY(signature[QStringLiteral("signature_ok")].toBool());
        QVERIFY(signature[QStringLiteral("timestamp")][QStringLiteral("valid")].toBool());
        QCOMPARE(signature[QStringLiteral("validation_time_source")].toString(),
                 QStringLiteral("timestamp"));
        QCOMPARE(signature[QStringLiteral("certificate")].toString(), QStringLiteral("trusted"));
        QCOMPARE(signature[QStringLiteral("revocation")].toString(), QStringLiteral("not-checked"));
        QVERIFY(!signature[QStringLiteral("covers_whole_document")].toBool());
        QCOMPARE(signature[QStringLiteral("changes_after_signing")].toString(),
                 QStringLiteral("other"));
        QCOMPARE(signature[QStringLiteral("pades_level")].toString(), QStringLiteral("PAdES B-T"));
        QCOMPARE(signature[QStringLiteral("verdict")].toString(), QStringLiteral("modified"));
        QVERIFY(QDateTime::fromString(signature[QStringLiteral("claimed_signing_time")].toString(),
                                      Qt::ISODate)
                    .isValid());
    }
};

QTEST_MAIN(TestPdfSignatureVerifier)
#include "test_pdf_signature_verifier.moc"
