// SPDX-License-Identifier: GPL-3.0-or-later
// Finding the digital signatures of a PDF in memory: fields in /AcroForm (also nested through
// /Kids) and widgets only on a page, empty slots that are not signatures, updates appended after
// signing, and damaged or locked files refused with a message. The fixtures' signature
// containers are zeros: detection needs no CMS; verifying it is the signing feature's job.
#include "domain/UserError.h"
#include "pdf/PdfSignatureProbe.h"
#include "pdf/PdfSyntax.h"
#include "support/ErrorCapture.h"
#include "support/IncrementalPdf.h"

#include <QTimeZone>
#include <QtTest>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

using namespace sohoa;
using sohoa::pdf::PdfSignature;
using sohoa::pdf::PdfSignatureProbe;
using sohoa::testing::IncrementalPdf;

namespace {

constexpr QLatin1String kName("sample.pdf");

std::vector<PdfSignature> signaturesOf(const IncrementalPdf& pdf)
{
    return PdfSignatureProbe::signaturesIn(pdf.bytes(), kName);
}

QByteArray encrypted(const QByteArray& plain)
{
    QPDF document;
    document.processMemoryFile("plain", plain.constData(), static_cast<size_t>(plain.size()));
    QPDFWriter writer(document);
    writer.setOutputMemory();
    writer.setR6EncryptionParameters("user", "owner", true, true, true, true, true, true,
                                     qpdf_r3p_full, true);
    writer.write();
    const auto buffer = writer.getBufferSharedPointer();
    return QByteArray(reinterpret_cast<const char*>(buffer->getBuffer()),
                      static_cast<qsizetype>(buffer->getSize()));
}

} // namespace

class TestPdfSignatureProbe : public QObject
{
    Q_OBJECT

private slots:
    void plainPdfHasNoSignatures()
    {
        const IncrementalPdf pdf;
        const auto signatures = signaturesOf(pdf);
        QVERIFY(signatures.empty());
        QVERIFY(!PdfSignatureProbe::modifiedAfterSigning(signatures));
    }

    void readsTheSignatureDictionaryOfAnAcroFormField()
    {
        const QString field = QStringLiteral("Chữ ký cán bộ một cửa");
        const IncrementalPdf pdf = IncrementalPdf::withField(field);

        // The field is both in /Fields and a widget on the page: found once.
        const auto signatures = signaturesOf(pdf);
        QCOMPARE(signatures.size(), std::size_t{1});
        const PdfSignature& signature = signatures.front();
        QCOMPARE(signature.fieldName, field);
        QCOMPARE(signature.type, QStringLiteral("Sig"));
        QCOMPARE(signature.filter, QStringLiteral("Adobe.PPKLite"));
        QCOMPARE(signature.subFilter, QString::fromLatin1(IncrementalPdf::kSubFilter));
        QCOMPARE(signature.signingTime,
                 QDateTime(QDate(2024, 5, 1), QTime(9, 30), QTimeZone(7 * 3600)));
        QCOMPARE(signature.contents, QByteArray(IncrementalPdf::kContentsBytes, '\0'));

        // [0, start of /Contents, end of /Contents, rest]: everything but the container.
        const QByteArray& bytes = pdf.bytes();
        QCOMPARE(signature.byteRange.size(), std::size_t{4});
        QCOMPARE(signature.byteRange[0], 0);
        QCOMPARE(bytes.at(signature.byteRange[1]), '<');
        QCOMPARE(bytes.at(signature.byteRange[2] - 1), '>');
        QCOMPARE(signature.byteRange[2] + signature.byteRange[3], bytes.size());
        QVERIFY(signature.coversWholeFile);
        QVERIFY(!PdfSignatureProbe::modifiedAfterSigning(signatures));
    }

    void anEmptySignatureFieldIsNotASignature()
    {
        const IncrementalPdf pdf = IncrementalPdf::withField(
            QStringLiteral("Signature1"), testing::SignatureFieldOptions::emptySlot());
        QVERIFY(pdf.bytes().contains("/FT /Sig"));
        QVERIFY(signaturesOf(pdf).empty());
    }

    void findsAKidFieldByItsQualifiedName()
    {
        const IncrementalPdf pdf = IncrementalPdf::withField(
            QStringLiteral("officer"),
            testing::SignatureFieldOptions::kidOf(QStringLiteral("approval")));
        const auto signatures = signaturesOf(pdf);
        QCOMPARE(signatures.size(), std::size_t{1});
        QCOMPARE(signatures.front().fieldName, QStringLiteral("approval.officer"));
    }

    void findsASignatureReachableOnlyFromItsWidget()
    {
        const IncrementalPdf pdf = IncrementalPdf::withField(
            QStringLiteral("Signature1"), testing::SignatureFieldOptions::widgetOnly());
        QVERIFY(!pdf.bytes().contains("/AcroForm"));
        const auto signatures = signaturesOf(pdf);
        QCOMPARE(signatures.size(), std::size_t{1});
        QCOMPARE(signatures.front().fieldName, QStringLiteral("Signature1"));
    }

    void anUpdateAfterSigningIsAModification()
    {
        IncrementalPdf pdf = IncrementalPdf::withField(QStringLiteral("Signature1"));
        pdf.appendPageRedraw("1 0 0 rg 20 20 160 60 re f");

        const auto signatures = signaturesOf(pdf);
        QCOMPARE(signatures.size(), std::size_t{1});
        QVERIFY(!signatures.front().coversWholeFile);
        QVERIFY(PdfSignatureProbe::modifiedAfterSigning(signatures));
    }

    void aLaterSignatureCoversTheEarlierOnesUpdate()
    {
        IncrementalPdf pdf = IncrementalPdf::withField(QStringLiteral("officer"));
        pdf.addSignatureField(QStringLiteral("supervisor"));
        pdf.appendUpdate();

        const auto signatures = signaturesOf(pdf);
        QCOMPARE(signatures.size(), std::size_t{2});
        QCOMPARE(signatures[0].fieldName, QStringLiteral("officer"));
        QVERIFY(!signatures[0].coversWholeFile);
        QCOMPARE(signatures[1].fieldName, QStringLiteral("supervisor"));
        QVERIFY(signatures[1].coversWholeFile);
        QVERIFY(!PdfSignatureProbe::modifiedAfterSigning(signatures));
    }

    void damagedFilesAreRefusedByName_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray sample = IncrementalPdf().bytes();
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not a PDF") << QByteArray("PK\x03\x04 an archive, not a document");
        QTest::newRow("header only") << QByteArray("%PDF-1.7\n");
        QTest::newRow("first half") << sample.left(sample.size() / 2);
        QByteArray bodyless = sample;
        const qsizetype bodyStart = bodyless.indexOf("1 0 obj");
        bodyless.replace(bodyStart, bodyless.indexOf("xref") - bodyStart,
                         QByteArray(bodyless.indexOf("xref") - bodyStart, '#'));
        QTest::newRow("body overwritten") << bodyless;
    }

    void damagedFilesAreRefusedByName()
    {
        QFETCH(QByteArray, bytes);
        const auto error =
            testing::thrownBy<UserError>([&] { PdfSignatureProbe::signaturesIn(bytes, kName); });
        QVERIFY(error);
        QCOMPARE(error->kind(), ErrorKind::InvalidInput);
        QVERIFY2(error->message().contains(kName), qPrintable(error->message()));
        QVERIFY2(error->message().contains(QStringLiteral("damaged")),
                 qPrintable(error->message()));
    }

    void aLockedFileIsRefusedAsSuch()
    {
        const QByteArray locked = encrypted(IncrementalPdf().bytes());
        const auto error =
            testing::thrownBy<UserError>([&] { PdfSignatureProbe::signaturesIn(locked, kName); });
        QVERIFY(error);
        QCOMPARE(error->kind(), ErrorKind::InvalidInput);
        QVERIFY2(error->message().contains(QStringLiteral("password")),
                 qPrintable(error->message()));
    }

    void parsesPdfDates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QTimeZone utc(0);
        QTest::newRow("full, east") << QStringLiteral("D:20240501093000+07'00'")
                                    << QDateTime(QDate(2024, 5, 1), QTime(9, 30), QTimeZone(25200));
        QTest::newRow("west, minutes")
            << QStringLiteral("D:20240501093000-03'30")
            << QDateTime(QDate(2024, 5, 1), QTime(9, 30), QTimeZone(-12600));
        QTest::newRow("Z") << QStringLiteral("D:20240501093000Z")
                           << QDateTime(QDate(2024, 5, 1), QTime(9, 30), utc);
        QTest::newRow("year only")
            << QStringLiteral("D:2024") << QDateTime(QDate(2024, 1, 1), QTime(0, 0), utc);
        QTest::newRow("no prefix")
            << QStringLiteral("20240501") << QDateTime(QDate(2024, 5, 1), QTime(0, 0), utc);
        QTest::newRow("month 13") << QStringLiteral("D:20241301") << QDateTime();
        QTest::newRow("hour 25") << QStringLiteral("D:2024050125") << QDateTime();
        QTest::newRow("words") << QStringLiteral("yesterday") << QDateTime();
        QTest::newRow("empty") << QString() << QDateTime();
    }

    void parsesPdfDates()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const QDateTime parsed = pdf::syntax::parseDate(text);
        QCOMPARE(parsed.isValid(), expected.isValid());
        if (expected.isValid()) {
            QCOMPARE(parsed, expected);
            QCOMPARE(parsed.offsetFromUtc(), expected.offsetFromUtc());
        }
    }

    void parsesWhatTheWriterWrites()
    {
        const QDateTime time(QDate(2025, 12, 31), QTime(23, 59, 58), QTimeZone(7 * 3600));
        QByteArray written = pdf::syntax::date(time);
        written = written.mid(1, written.size() - 2); // the content of "(...)"
        QCOMPARE(pdf::syntax::parseDate(QString::fromLatin1(written)), time);
    }
};

QTEST_GUILESS_MAIN(TestPdfSignatureProbe)
#include "test_pdf_signature_probe.moc"
