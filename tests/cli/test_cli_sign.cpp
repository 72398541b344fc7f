// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-cli sign, end to end with the real binary: a SoftHSM2 token holding a key whose
// certificate a test CA issued, poppler's pdfsig as the independent judge, a local RFC 3161
// server, the demo key, and a 20-document dossier signed with one login; verify --online against
// a local OCSP responder.
#include "CliRunner.h"
#include "storage/Store.h"
#include "support/IncrementalPdf.h"
#include "support/OpensslCms.h"
#include "support/Pdfsig.h"
#include "support/SampleDossier.h"
#include "support/SoftHsmToken.h"
#include "support/TestCertificateAuthority.h"
#include "support/TestRevocationServer.h"
#include "support/TestTimestampServer.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTest>

using namespace sohoa::testing;

namespace {

constexpr auto kPinVariable = "SOHOA_TEST_PIN";

QByteArray samplePdf(const QString& text)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    QPainter painter(&writer);
    painter.drawText(QRect(500, 800, 6000, 400), text);
    painter.end();
    return bytes;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// pdfsig's verdict on the signature `index` (file order) of `pdf`, checked line by line.
void expectValidAndTrusted(const Pdfsig& pdfsig, const QByteArray& pdf, int index, bool total)
{
    const QStringList blocks = pdfsig.verify(pdf);
    QVERIFY2(blocks.size() > index, qPrintable(blocks.join(QLatin1Char('\n'))));
    const QString& block = blocks.at(index);
    QVERIFY2(block.contains(QLatin1String("Signature is Valid.")), qPrintable(block));
    QVERIFY2(block.contains(QLatin1String("Certificate is Trusted.")), qPrintable(block));
    QVERIFY2(block.contains(QLatin1String("Total document signed"), Qt::CaseInsensitive),
             qPrintable(block));
    QVERIFY2(block.contains(QLatin1String("Not total document signed")) != total,
             qPrintable(block));
}

} // namespace

class TestCliSign : public QObject
{
    Q_OBJECT

    CliRunner cli_;
    QTemporaryDir tokenDir_;
    TestCertificateAuthority authority_;
    std::unique_ptr<SoftHsmToken> token_;
    std::unique_ptr<Pdfsig> pdfsig_;
    QString input_;

    QStringList tokenArgs(const QString& module = SoftHsmToken::modulePath()) const
    {
        return {QStringLiteral("--module"),  module,
                QStringLiteral("--pin-env"), QString::fromLatin1(kPinVariable),
                QStringLiteral("--agency"),  QStringLiteral("UBND xã Thử Nghiệm")};
    }

    // A captured dossier of `count` one-component PDFs, straight into the store; its code.
    QString insertDossierOfPdfs(const QString& sequence, int count)
    {
        const QString code = QStringLiteral("000.00.00.H26-261205-") + sequence;
        auto store = sohoa::storage::Store::open(
            cli_.storePath(), sohoa::storage::SecureBytes::fromString(CliRunner::kPassphrase));
        store->inTransaction([&] {
            sohoa::storage::DossierRecord dossier = sampleDossier(code);
            dossier.uuid = QStringLiteral("8f5b6c1e-") + sequence;
            const auto dossierId = store->insertDossier(dossier);
            for (int i = 1; i <= count; ++i) {
                sohoa::storage::ComponentRecord component;
                component.dossierId = dossierId;
                component.code = QStringLiteral("TP%1").arg(i);
                component.name = QStringLiteral("Thành phần %1").arg(i);
                sohoa::storage::DocumentRecord document;
                document.componentId = store->insertComponent(component);
                document.fileName =
                    QStringLiteral("%1.%2.pdf").arg(code).arg(i, 2, 10, QLatin1Char('0'));
                document.kind = QStringLiteral("searchable-pdf");
                auto blob = store->newBlob(QStringLiteral("application/pdf"));
                blob->append(samplePdf(QStringLiteral("Trang %1").arg(i)));
                document.blobId = blob->finish().id;
                store->insertDocument(document);
            }
        });
        return code;
    }

    QJsonObject signDossier(const QString& code, const TestTimestampServer& tsa)
    {
        return cli_
            .runJson(QStringList{QStringLiteral("sign"), QStringLiteral("--store"),
                                 cli_.storePath(), QStringLiteral("--dossier"), code,
                                 QStringLiteral("--tsa"), tsa.url().toString()} +
                     tokenArgs())
            .object();
    }

    QJsonObject drainTimestampQueue(const TestTimestampServer& tsa)
    {
        return cli_
            .runJson({QStringLiteral("timestamp"), QStringLiteral("--store"), cli_.storePath(),
                      QStringLiteral("--tsa"), tsa.url().toString()})
            .object();
    }

private slots:
    void initTestCase()
    {
        token_ = std::make_unique<SoftHsmToken>(tokenDir_.path());
        CertificateRequest request;
        request.commonName = QStringLiteral("Lê Văn Cán Bộ");
        request.publicKeyDer =
            token_->generateKeyPair("\x01", QStringLiteral("officer"), QStringLiteral("rsa:2048"));
        token_->storeCertificate("\x01", QStringLiteral("officer"),
                                 authority_.issue(request).certificateDer);
        pdfsig_ = std::make_unique<Pdfsig>(authority_.certificateDer());
        cli_.environment().insert(QStringLiteral("SOFTHSM2_CONF"),
                                  token_->environment().value(QStringLiteral("SOFTHSM2_CONF")));
        cli_.environment().insert(QString::fromLatin1(kPinVariable),
                                  QString::fromLatin1(token_->userPin()));
        input_ = cli_.path(QStringLiteral("to-khai.pdf"));
        writeFile(input_, samplePdf(QStringLiteral("Tờ khai đăng ký khai sinh")));
        QCOMPARE(cli_.initStore(), 0);
    }

    void signsWithTheTokenAndPdfsigAgrees()
    {
        const QString out = cli_.path(QStringLiteral("signed.pdf"));
        const QJsonObject result =
            cli_.runJson(QStringList{QStringLiteral("sign"), input_, QStringLiteral("--out"), out} +
                         tokenArgs())
                .object();
        QCOMPARE(result.value("level").toString(), QStringLiteral("PAdES-B-B"));
        QCOMPARE(result.value("signer").toString(), QStringLiteral("Lê Văn Cán Bộ"));
        QCOMPARE(result.value("field").toString(), QStringLiteral("Signature1"));
        QVERIFY(result.value("signed_at").toString().endsWith(QLatin1String("+07:00")));
        QVERIFY(!result.value("test_signature").toBool());
        const QByteArray signedPdf = readFile(out);
        QVERIFY(signedPdf.startsWith(readFile(input_)));
        expectValidAndTrusted(*pdfsig_, signedPdf, 0, true);

        // Our verifier agrees, in process, and says what PAdES level the file reached.
        const QString root = cli_.path(QStringLiteral("root.pem"));
        writeFile(root, TestCertificateAuthority::toPem(authority_.certificateDer()));
        const ToolResult verified =
            cli_.run({QStringLiteral("verify"), out, QStringLiteral("--trust"), root,
                      QStringLiteral("--json")});
        QCOMPARE(verified.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(verified.out).object();
        QCOMPARE(report.value("verdict").toString(), QStringLiteral("valid"));
        const QJsonObject first = report.value("signatures").toArray().first().toObject();
        QCOMPARE(first.value("pades_level").toString(), QStringLiteral("PAdES B-B"));
        QCOMPARE(first.value("certificate").toString(), QStringLiteral("trusted"));
        QByteArray tampered = signedPdf;
        tampered[readFile(input_).size() / 2] ^= 0x01;
        const QString tamperedPath = cli_.path(QStringLiteral("tampered.pdf"));
        writeFile(tamperedPath, tampered);
        const ToolResult rejected =
            cli_.run({QStringLiteral("verify"), tamperedPath, QStringLiteral("--trust"), root,
                      QStringLiteral("--json")});
        QCOMPARE(rejected.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(rejected.out).object().value("verdict").toString(),
                 QStringLiteral("invalid"));
        QVERIFY(pdfsig_->verify(tampered).front().contains(QLatin1String("Signature is Invalid")) ||
                !pdfsig_->verify(tampered).front().contains(QLatin1String("Signature is Valid.")));

        // A second signature over the first keeps the first valid.
        const QString twice = cli_.path(QStringLiteral("signed-twice.pdf"));
        QCOMPARE(cli_.run(QStringList{QStringLiteral("sign"), out, QStringLiteral("--out"), twice} +
                          tokenArgs())
                     .exitCode,
                 0);
        const QStringList blocks = pdfsig_->verify(readFile(twice));
        QCOMPARE(blocks.size(), 2);
        QVERIFY(blocks.at(0).contains(QLatin1String("Signature is Valid.")));
        QVERIFY(blocks.at(1).contains(QLatin1String("Signature is Valid.")));
    }

    void trustAnchorsImportedIntoTheStoreVerify()
    {
        const QString out = cli_.path(QStringLiteral("for-anchors.pdf"));
        QCOMPARE(
            cli_.run(QStringList{QStringLiteral("sign"), input_, QStringLiteral("--out"), out} +
                     tokenArgs())
                .exitCode,
            0);
        // No anchor: intact but not trusted.
        const ToolResult untrusted =
            cli_.run({QStringLiteral("verify"), out, QStringLiteral("--json")});
        QCOMPARE(untrusted.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(untrusted.out).object().value("verdict").toString(),
                 QStringLiteral("indeterminate"));

        const QString root = cli_.path(QStringLiteral("store-root.pem"));
        writeFile(root, TestCertificateAuthority::toPem(authority_.certificateDer()));
        const QStringList import{QStringLiteral("trust"), QStringLiteral("import"), root,
                                 QStringLiteral("--store"), cli_.storePath()};
        QCOMPARE(cli_.runJson(import).object().value("added").toInt(), 1);
        QCOMPARE(cli_.runJson(import).object().value("added").toInt(), 0);
        const QJsonArray anchors = cli_.runJson({QStringLiteral("trust"), QStringLiteral("list"),
                                                 QStringLiteral("--store"), cli_.storePath()})
                                       .object()
                                       .value("anchors")
                                       .toArray();
        QCOMPARE(anchors.size(), 1);
        QCOMPARE(anchors.first().toObject().value("subject").toString(),
                 QStringLiteral("SoHoa Test Root CA"));

        const ToolResult trusted =
            cli_.run({QStringLiteral("verify"), out, QStringLiteral("--store"), cli_.storePath(),
                      QStringLiteral("--json")});
        QCOMPARE(trusted.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(trusted.out).object().value("verdict").toString(),
                 QStringLiteral("valid"));
        QVERIFY(cli_.run({QStringLiteral("trust"), QStringLiteral("import"), input_,
                          QStringLiteral("--store"), cli_.storePath()})
                    .exitCode == 3);
    }

    // A signed PDF the officer imports is kept byte for byte and verified as it is kept, against
    // the store's anchors: the verdict is in digitize's answer, the dossier and its history.
    void importedSignedPdfIsVerifiedAsItIsKept()
    {
        const QString anchors = cli_.path(QStringLiteral("import-anchors.pem"));
        writeFile(anchors, TestCertificateAuthority::toPem(authority_.certificateDer()));
        QCOMPARE(cli_.run({QStringLiteral("trust"), QStringLiteral("import"), anchors,
                           QStringLiteral("--store"), cli_.storePath()})
                     .exitCode,
                 0);
        const QString signedFile = cli_.path(QStringLiteral("giay-phep.pdf"));
        QCOMPARE(cli_.run(QStringList{QStringLiteral("sign"), input_, QStringLiteral("--out"),
                                      signedFile} +
                          tokenArgs())
                     .exitCode,
                 0);
        QByteArray tampered = readFile(signedFile);
        tampered[readFile(input_).size() / 2] ^= 0x01;
        const QString tamperedFile = cli_.path(QStringLiteral("giay-phep-sua.pdf"));
        writeFile(tamperedFile, tampered);

        const auto importSigned = [&](const QString& file) {
            return cli_
                .runJson({QStringLiteral("digitize"), QStringLiteral("--store"), cli_.storePath(),
                          QStringLiteral("--input"), file, QStringLiteral("--procedure"),
                          QStringLiteral("1.001193"), QStringLiteral("--component"),
                          QStringLiteral("KQ.G15.000031"), QStringLiteral("--applicant-id"),
                          QStringLiteral("001203004567")})
                .object();
        };
        const QJsonObject kept = importSigned(signedFile);
        const QJsonObject check = kept.value("kept_signatures").toArray().first().toObject();
        QCOMPARE(check.value("verdict").toString(), QStringLiteral("valid"));
        QCOMPARE(importSigned(tamperedFile)
                     .value("kept_signatures")
                     .toArray()
                     .first()
                     .toObject()
                     .value("verdict")
                     .toString(),
                 QStringLiteral("invalid"));

        const QString code = kept.value("dossier_code").toString();
        const QJsonObject shown = cli_.runJson({QStringLiteral("store"), QStringLiteral("show"),
                                                code, QStringLiteral("--store"), cli_.storePath()})
                                      .object();
        const QJsonObject document = shown.value("components")
                                         .toArray()
                                         .first()
                                         .toObject()
                                         .value("documents")
                                         .toArray()
                                         .first()
                                         .toObject();
        QCOMPARE(document.value("kind").toString(), QStringLiteral("signed-pdf"));
        QCOMPARE(document.value("signature_verdict").toString(), QStringLiteral("valid"));
        QCOMPARE(document.value("signature_message").toString(), check.value("message").toString());
        QVERIFY(!document.value("verified_at").toString().isEmpty());
        const QJsonArray history = shown.value("history").toArray();
        QVERIFY(std::any_of(history.begin(), history.end(), [](const QJsonValue& e) {
            return e.toObject().value("action").toString() == QLatin1String("document-verified");
        }));
    }

    void timestampsWhenTheServerAnswersAndQueuesWhenNot()
    {
        TestTimestampServer tsa(authority_);
        const QString out = cli_.path(QStringLiteral("stamped.pdf"));
        const QJsonObject stamped =
            cli_.runJson(QStringList{QStringLiteral("sign"), input_, QStringLiteral("--out"), out,
                                     QStringLiteral("--tsa"), tsa.url().toString()} +
                         tokenArgs())
                .object();
        QCOMPARE(stamped.value("level").toString(), QStringLiteral("PAdES-B-T"));
        const QString anchors = cli_.path(QStringLiteral("anchors.pem"));
        writeFile(anchors, TestCertificateAuthority::toPem(authority_.certificateDer()));
        const QJsonObject report =
            cli_.runJson({QStringLiteral("verify"), out, QStringLiteral("--trust"), anchors})
                .object();
        QCOMPARE(
            report.value("signatures").toArray().first().toObject().value("pades_level").toString(),
            QStringLiteral("PAdES B-T"));
        QCOMPARE(stamped.value("timestamp").toString(), QStringLiteral("stamped"));
        QCOMPARE(tsa.requestCount(), 1);
        expectValidAndTrusted(*pdfsig_, readFile(out), 0, true);

        tsa.answerWith(503, "busy");
        const QJsonObject offline =
            cli_.runJson(QStringList{QStringLiteral("sign"), input_, QStringLiteral("--out"), out,
                                     QStringLiteral("--tsa"), tsa.url().toString()} +
                         tokenArgs())
                .object();
        QCOMPARE(offline.value("level").toString(), QStringLiteral("PAdES-B-B"));
        QCOMPARE(offline.value("timestamp").toString(), QStringLiteral("awaiting"));
        expectValidAndTrusted(*pdfsig_, readFile(out), 0, true);
    }

    // Offline signing queues the time-stamp; once the TSA answers again, the `timestamp`
    // command (or the next signing batch that reaches it) writes it into the waiting
    // signatures: the last signature of each file becomes B-T in place, an earlier one is
    // covered by it, and both verifiers still find every signature valid.
    void awaitingTimestampsAreAddedWhenTheServerIsBack()
    {
        TestTimestampServer tsa(authority_);
        tsa.answerWith(503, "busy");
        const QString twice = insertDossierOfPdfs(QStringLiteral("0801"), 2);
        QCOMPARE(signDossier(twice, tsa).value("awaiting_timestamp").toArray().size(), 2);
        QCOMPARE(signDossier(twice, tsa).value("awaiting_timestamp").toArray().size(), 2);
        const auto countAwaiting = [&] {
            return cli_
                .runJson({QStringLiteral("timestamp"), QStringLiteral("--store"), cli_.storePath()})
                .object()
                .value("awaiting")
                .toInt();
        };
        QCOMPARE(countAwaiting(), 4);

        const QJsonObject stillOffline = drainTimestampQueue(tsa);
        QCOMPARE(stillOffline.value("still_awaiting").toInt(), 4);
        QVERIFY(!stillOffline.value("offline_reason").toString().isEmpty());
        QVERIFY(stillOffline.value("stamped").toArray().isEmpty());

        tsa.answerWithTimestamps();
        const QJsonObject drained = drainTimestampQueue(tsa);
        QCOMPARE(drained.value("stamped").toArray().size(), 2);
        QCOMPARE(drained.value("covered").toArray().size(), 2);
        QCOMPARE(drained.value("still_awaiting").toInt(), 0);
        QCOMPARE(countAwaiting(), 0);

        const QString anchors = cli_.path(QStringLiteral("queue-anchors.pem"));
        writeFile(anchors, TestCertificateAuthority::toPem(authority_.certificateDer()));
        auto store = sohoa::storage::Store::open(
            cli_.storePath(), sohoa::storage::SecureBytes::fromString(CliRunner::kPassphrase));
        const auto detail = store->dossierByCode(twice);
        QVERIFY(detail.has_value());
        for (const auto& component : detail->components) {
            const auto& document = component.documents.front();
            const QByteArray pdf = store->readBlob(document.blobId);
            // pdfsig (poppler 22.02 on NSS) judges the second signature by the same certificate
            // in a file as "Unknown issue with Certificate", so only its signature is checked
            // there; our verifier below judges its certificate.
            expectValidAndTrusted(*pdfsig_, pdf, 0, false);
            const QString second = pdfsig_->verify(pdf).value(1);
            QVERIFY2(second.contains(QLatin1String("Signature is Valid.")), qPrintable(second));
            QVERIFY2(second.contains(QLatin1String("  - Total document signed")),
                     qPrintable(second));
            const QString file = cli_.path(QStringLiteral("queued.pdf"));
            writeFile(file, pdf);
            const QJsonObject report =
                cli_.runJson({QStringLiteral("verify"), file, QStringLiteral("--trust"), anchors})
                    .object();
            QCOMPARE(report.value("verdict").toString(), QStringLiteral("valid"));
            const QJsonArray signatures = report.value("signatures").toArray();
            QCOMPARE(signatures.at(0).toObject().value("pades_level").toString(),
                     QStringLiteral("PAdES B-B"));
            QCOMPARE(signatures.at(1).toObject().value("pades_level").toString(),
                     QStringLiteral("PAdES B-T"));
            const auto records = store->signaturesOfDocument(document.id);
            QCOMPARE(records.size(), std::size_t{2});
            QCOMPARE(records.at(0).timestampStatus, QStringLiteral("covered"));
            QCOMPARE(records.at(1).timestampStatus, QStringLiteral("stamped"));
            QCOMPARE(records.at(1).level, QStringLiteral("PAdES-B-T"));
        }
        const auto events = store->events(detail->dossier.uuid);
        QCOMPARE(std::count_if(events.begin(), events.end(),
                               [](const auto& e) { return e.action == "signature-timestamped"; }),
                 2);
        store.reset();

        // A batch signed while the TSA answers drains what an offline batch left.
        tsa.answerWith(503, "busy");
        const QString offline = insertDossierOfPdfs(QStringLiteral("0802"), 1);
        QCOMPARE(signDossier(offline, tsa).value("awaiting_timestamp").toArray().size(), 1);
        tsa.answerWithTimestamps();
        const QJsonObject online = signDossier(insertDossierOfPdfs(QStringLiteral("0803"), 1), tsa);
        QVERIFY(online.value("awaiting_timestamp").toArray().isEmpty());
        QCOMPARE(online.value("timestamp_queue").toObject().value("stamped").toArray(),
                 QJsonArray{offline + QStringLiteral(".01.pdf")});
        QCOMPARE(countAwaiting(), 0);
    }

    void wrongPinLeavesNoFile()
    {
        const QString out = cli_.path(QStringLiteral("never.pdf"));
        cli_.environment().insert(QString::fromLatin1(kPinVariable), QStringLiteral("000000"));
        const ToolResult result =
            cli_.run(QStringList{QStringLiteral("sign"), input_, QStringLiteral("--out"), out} +
                     tokenArgs());
        cli_.environment().insert(QString::fromLatin1(kPinVariable),
                                  QString::fromLatin1(token_->userPin()));
        QCOMPARE(result.exitCode, 5);
        QVERIFY2(result.err.contains("PIN"), result.err.constData());
        QVERIFY(!QFile::exists(out));
    }

    void verifyOnlineAsksTheAuthorityAboutRevocation()
    {
        const TestRevocationServer services(authority_);
        CertificateRequest request;
        request.commonName = QStringLiteral("Phạm Văn Thu Hồi");
        request.crlUrl = services.crlUrl();
        request.ocspUrl = services.ocspUrl();
        const IssuedCertificate signer = authority_.issue(request);
        IncrementalPdf pdf;
        pdf.appendSignature(QStringLiteral("Signature1"), [&](const QByteArray& bytes) {
            return opensslBaselineB(bytes, signer);
        });
        const QString out = cli_.path(QStringLiteral("online.pdf"));
        writeFile(out, pdf.bytes());
        const QString root = cli_.path(QStringLiteral("online-root.pem"));
        writeFile(root, TestCertificateAuthority::toPem(authority_.certificateDer()));
        const QStringList verify{QStringLiteral("verify"), out, QStringLiteral("--trust"), root,
                                 QStringLiteral("--json")};
        const auto signature = [](const ToolResult& result) {
            return QJsonDocument::fromJson(result.out)
                .object()
                .value("signatures")
                .toArray()
                .first()
                .toObject();
        };

        const ToolResult offline = cli_.run(verify);
        QCOMPARE(offline.exitCode, 0);
        QCOMPARE(signature(offline).value("revocation").toString(), QStringLiteral("not-checked"));
        QCOMPARE(services.ocspRequests(), 0);

        const ToolResult good = cli_.run(verify + QStringList{QStringLiteral("--online")});
        QCOMPARE(good.exitCode, 0);
        QCOMPARE(signature(good).value("revocation").toString(), QStringLiteral("good"));
        QCOMPARE(services.ocspRequests(), 1);

        authority_.revoke(signer.certificateDer, QDateTime::currentDateTimeUtc().addDays(-1));
        const ToolResult revoked = cli_.run(verify + QStringList{QStringLiteral("--online")});
        QCOMPARE(revoked.exitCode, 1);
        QCOMPARE(signature(revoked).value("revocation").toString(), QStringLiteral("revoked"));
        QCOMPARE(signature(revoked).value("revocation_reason").toString(),
                 QStringLiteral("keyCompromise"));
        QCOMPARE(QJsonDocument::fromJson(revoked.out).object().value("verdict").toString(),
                 QStringLiteral("invalid"));
    }

    void demoKeySignsAsATestSignature()
    {
        const QString out = cli_.path(QStringLiteral("demo.pdf"));
        const QJsonObject result =
            cli_.runJson({QStringLiteral("sign"), input_, QStringLiteral("--out"), out,
                          QStringLiteral("--store"), cli_.storePath(), QStringLiteral("--demo")})
                .object();
        QVERIFY(result.value("test_signature").toBool());
        QCOMPARE(result.value("signer").toString(), QStringLiteral("canbo01"));
        const QStringList blocks = pdfsig_->verify(readFile(out));
        QCOMPARE(blocks.size(), 1);
        QVERIFY2(blocks.front().contains(QLatin1String("Signature is Valid.")),
                 qPrintable(blocks.front()));
        // Self-signed and marked: no verifier may take it for a real signature.
        QVERIFY(!blocks.front().contains(QLatin1String("Certificate is Trusted.")));
        QVERIFY(blocks.front().contains(QStringLiteral("không có giá trị pháp lý")) ||
                readFile(out).contains(QStringLiteral("không có giá trị pháp lý").toUtf8()));
    }

    void digitizeSignsAsItsLastStep()
    {
        QImage page(1654, 2339, QImage::Format_RGB888); // A4 at 200 dpi
        page.fill(Qt::white);
        QPainter painter(&page);
        QFont font(QStringLiteral("DejaVu Serif"));
        font.setPixelSize(40);
        painter.setFont(font);
        painter.drawText(QRect(150, 300, 1400, 200), QStringLiteral("Giấy khai sinh bản sao"));
        painter.end();
        const QString image = cli_.path(QStringLiteral("ket-qua.png"));
        QVERIFY(page.save(image));
        const QJsonObject result =
            cli_.runJson(QStringList{QStringLiteral("digitize"), QStringLiteral("--store"),
                                     cli_.storePath(), QStringLiteral("--input"), image,
                                     QStringLiteral("--procedure"), QStringLiteral("1.001193"),
                                     QStringLiteral("--component"), QStringLiteral("KQ.G15.000031"),
                                     QStringLiteral("--applicant-id"),
                                     QStringLiteral("001203004567"), QStringLiteral("--sign")} +
                         tokenArgs())
                .object();
        const QJsonArray signedFiles = result.value("signed").toArray();
        QCOMPARE(signedFiles.size(), 1);
        QCOMPARE(signedFiles.first().toString(), result.value("document").toString());

        auto store = sohoa::storage::Store::open(
            cli_.storePath(), sohoa::storage::SecureBytes::fromString(CliRunner::kPassphrase));
        const auto detail = store->dossierByCode(result.value("dossier_code").toString());
        QVERIFY(detail.has_value());
        const auto& document = detail->components.front().documents.front();
        expectValidAndTrusted(*pdfsig_, store->readBlob(document.blobId), 0, true);
    }

    void dossierOfTwentyDocumentsIsSignedWithOneLogin()
    {
        const QString code = insertDossierOfPdfs(QStringLiteral("0901"), 20);
        const QString control = cli_.path(QStringLiteral("shim-control"));
        const QString logins = cli_.path(QStringLiteral("logins.log"));
        writeFile(control, "login-log " + logins.toUtf8() + "\n");
        cli_.environment().insert(QStringLiteral("SOHOA_SHIM_CONTROL"), control);
        const QJsonObject result =
            cli_.runJson(QStringList{QStringLiteral("sign"), QStringLiteral("--store"),
                                     cli_.storePath(), QStringLiteral("--dossier"), code} +
                         tokenArgs(QStringLiteral(SOHOA_FAULT_SHIM)))
                .object();
        cli_.environment().remove(QStringLiteral("SOHOA_SHIM_CONTROL"));
        QCOMPARE(result.value("signed").toArray().size(), 20);
        QCOMPARE(readFile(logins).trimmed(), QByteArray("user"));

        auto store = sohoa::storage::Store::open(
            cli_.storePath(), sohoa::storage::SecureBytes::fromString(CliRunner::kPassphrase));
        const auto detail = store->dossierByCode(code);
        QVERIFY(detail.has_value());
        QVERIFY(!detail->dossier.testData);
        for (const auto& component : detail->components) {
            const auto& document = component.documents.front();
            expectValidAndTrusted(*pdfsig_, store->readBlob(document.blobId), 0, true);
            const auto signatures = store->signaturesOfDocument(document.id);
            QCOMPARE(signatures.size(), std::size_t{1});
            QCOMPARE(signatures.front().signer, QStringLiteral("Lê Văn Cán Bộ"));
        }
        const auto events = store->events(detail->dossier.uuid);
        QCOMPARE(std::count_if(events.begin(), events.end(),
                               [](const auto& e) { return e.action == "document-signed"; }),
                 20);
    }
};

QTEST_MAIN(TestCliSign)
#include "test_cli_sign.moc"
