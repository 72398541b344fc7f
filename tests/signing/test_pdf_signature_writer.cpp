// SPDX-License-Identifier: GPL-3.0-or-later
// Signing a PDF by incremental update, checked with the tools a reviewer would use: the CMS is
// made by the openssl CLI over the prepared byte ranges, poppler's pdfsig verifies it against a
// private NSS database, qpdf checks the structure, pdffonts lists the stamp font, QtPdf renders
// the stamp and Tesseract reads it back.
#include "domain/UserError.h"
#include "ocr/OcrEngine.h"
#include "pdf/PdfSignatureProbe.h"
#include "pdf/PdfSignatureWriter.h"
#include "pdf/SearchablePdfWriter.h"
#include "pdfa/PdfaChecker.h"
#include "support/ErrorCapture.h"
#include "support/Pdfsig.h"
#include "support/TestCertificateAuthority.h"
#include "support/ToolRunner.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>
#include <cstring>
#include <functional>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

using namespace sohoa;
using namespace sohoa::pdf;
using sohoa::testing::runTool;

namespace {

const QString agency = QStringLiteral("UBND xã Thử Nghiệm");
const QString signingTimeText = QStringLiteral("2025-05-15T10:30:00+07:00");

QDateTime signingTime()
{
    return QDateTime::fromString(signingTimeText, Qt::ISODate);
}

SignatureRequest request(const QString& signer = QStringLiteral("Nguyễn Văn Thử"))
{
    SignatureRequest request;
    request.stamp.lines = {agency, QStringLiteral("Người ký: ") + signer,
                           QStringLiteral("Thời gian: ") + signingTimeText};
    request.signingTime = signingTime();
    return request;
}

// A one-page PDF/A from SoHoa's own writer: an A4 scan at 200 dpi with a grey box in the middle
// (away from every corner a turned page may show at the top right) and one OCR word.
QByteArray scannedPdf()
{
    QImage page(1654, 2339, QImage::Format_RGB32);
    page.fill(Qt::white);
    QPainter(&page).fillRect(QRect(500, 1000, 600, 200), Qt::gray);
    ocr::PageText text;
    ocr::Line line;
    line.box = QRect(500, 1000, 600, 200);
    line.baselineY = 1170;
    line.words.push_back({QStringLiteral("Hồ sơ"), line.box, 95});
    text.lines.push_back(line);

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    PdfMetadata meta;
    meta.title = QStringLiteral("Giấy khai sinh");
    meta.creationDate = QDateTime(QDate(2025, 5, 15), QTime(9, 0), QTimeZone(7 * 3600));
    SearchablePdfWriter writer(buffer, meta);
    writer.addPage(page, 200, text);
    writer.finish();
    return bytes;
}

// `pdf` rewritten by libqpdf after `change` (a new file, not an update).
QByteArray rewritten(const QByteArray& pdf, const std::function<void(QPDF&)>& change)
{
    QPDF document;
    document.processMemoryFile("fixture", pdf.constData(), static_cast<size_t>(pdf.size()));
    change(document);
    QPDFWriter writer(document);
    writer.setOutputMemory();
    writer.write();
    std::shared_ptr<Buffer> out = writer.getBufferSharedPointer();
    return QByteArray(reinterpret_cast<const char*>(out->getBuffer()),
                      static_cast<qsizetype>(out->getSize()));
}

QPDFObjectHandle firstPage(QPDF& document)
{
    return QPDFPageDocumentHelper(document).getAllPages().front().getObjectHandle();
}

// A qpdf command-line run on `pdf`: its output file, or the report of `qpdf --check`.
struct QpdfRun
{
    int exitCode = -1;
    QByteArray output;
};

QpdfRun qpdf(const QByteArray& pdf, const QStringList& options)
{
    QTemporaryDir dir;
    const QString in = dir.filePath(QStringLiteral("in.pdf"));
    const QString out = dir.filePath(QStringLiteral("out.pdf"));
    QFile file(in);
    file.open(QIODevice::WriteOnly);
    file.write(pdf);
    file.close();
    const bool check = options.contains(QStringLiteral("--check"));
    const testing::ToolResult result =
        runTool(QStringLiteral("qpdf"), options + (check ? QStringList{in} : QStringList{in, out}));
    QFile written(out);
    return {result.exitCode, check || !written.open(QIODevice::ReadOnly) ? result.out + result.err
                                                                         : written.readAll()};
}

// A signer with a certificate from the test root; makes the CMS with the openssl CLI, PKCS#7
// detached over the bytes the prepared signature covers.
class CliSigner
{
public:
    CliSigner(const testing::TestCertificateAuthority& root, const QString& commonName)
    {
        testing::CertificateRequest certificate;
        certificate.commonName = commonName;
        const testing::IssuedCertificate leaf = root.issue(certificate);
        write(QStringLiteral("leaf.pem"),
              testing::TestCertificateAuthority::toPem(leaf.certificateDer));
        write(QStringLiteral("leaf.key"), leaf.privateKeyPem);
        write(QStringLiteral("chain.pem"),
              testing::TestCertificateAuthority::toPem(root.certificateDer()));
    }

    QByteArray cms(const PreparedSignature& prepared) const
    {
        write(QStringLiteral("ranges.bin"), prepared.signedBytes());
        const testing::ToolResult result = runTool(
            QStringLiteral("openssl"),
            {QStringLiteral("cms"), QStringLiteral("-sign"), QStringLiteral("-binary"),
             QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-nosmimecap"),
             QStringLiteral("-signer"), path(QStringLiteral("leaf.pem")), QStringLiteral("-inkey"),
             path(QStringLiteral("leaf.key")), QStringLiteral("-certfile"),
             path(QStringLiteral("chain.pem")), QStringLiteral("-in"),
             path(QStringLiteral("ranges.bin"))});
        if (result.exitCode != 0 || result.out.isEmpty())
            qFatal("openssl cms failed: %s", result.err.constData());
        return result.out;
    }

    // Prepares, signs and returns the signed file.
    QByteArray sign(const QByteArray& pdf, const SignatureRequest& what = request()) const
    {
        const PreparedSignature prepared =
            PdfSignatureWriter::prepare(pdf, what, QStringLiteral("test.pdf"));
        return prepared.withSignature(cms(prepared));
    }

private:
    QString path(const QString& name) const { return dir_.filePath(name); }
    void write(const QString& name, const QByteArray& bytes) const
    {
        QFile file(path(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(name));
    }

    QTemporaryDir dir_;
};

// pdfsig's "Total document signed", or "Not total document signed" when an update follows.
bool signsTotalDocument(const QString& report)
{
    return report.contains(QLatin1String("- Total document signed"));
}

bool signsEarlierRevision(const QString& report)
{
    return report.contains(QLatin1String("- Not total document signed"));
}

bool isValidTrustedSignature(const QString& report)
{
    return report.contains(QLatin1String("Signature Validation: Signature is Valid.")) &&
           report.contains(QLatin1String("Certificate Validation: Certificate is Trusted."));
}

// The widget rectangles of page 1, in /Annots order (PDF user space, y up).
std::vector<QPDFObjectHandle::Rectangle> widgetRects(const QByteArray& pdf)
{
    QPDF document;
    document.processMemoryFile("signed", pdf.constData(), static_cast<size_t>(pdf.size()));
    std::vector<QPDFObjectHandle::Rectangle> rects;
    for (QPDFObjectHandle annotation : firstPage(document).getKey("/Annots").aitems())
        rects.push_back(annotation.getKey("/Rect").getArrayAsRectangle());
    return rects;
}

struct RenderedStamp
{
    QSize page;   // the rendered page, pixels
    QRect ink;    // where the stamp drew, pixels (y down, as displayed)
    QString text; // Tesseract's reading of that region
};

// Page 1 as a reader displays it (turned by /Rotate, cut to the CropBox), by poppler.
QImage renderPage(const QByteArray& pdf, int dpi, bool annotations)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("page.pdf")));
    file.open(QIODevice::WriteOnly);
    file.write(pdf);
    file.close();
    QStringList arguments = {
        QStringLiteral("-r"),   QString::number(dpi),          QStringLiteral("-f"),
        QStringLiteral("1"),    QStringLiteral("-l"),          QStringLiteral("1"),
        QStringLiteral("-png"), QStringLiteral("-singlefile"), QStringLiteral("-cropbox")};
    if (!annotations)
        arguments << QStringLiteral("-hide-annotations");
    const QString out = dir.filePath(QStringLiteral("page"));
    runTool(QStringLiteral("pdftoppm"), arguments << file.fileName() << out);
    return QImage(out + QStringLiteral(".png")).convertToFormat(QImage::Format_RGB888);
}

// Renders page 1 with and without annotations and reads the region the annotations changed.
// Poppler renders, not QtPdf: QtPdf 6.4's PDFium draws widget annotations only through a form
// environment (FPDF_FFLDraw) that QPdfDocument never sets up, so no signature widget appears.
RenderedStamp renderStamp(const QByteArray& pdf, ocr::OcrEngine& ocr)
{
    constexpr int dpi = 300;
    const QImage shown = renderPage(pdf, dpi, true);
    const QImage bare = renderPage(pdf, dpi, false);
    if (shown.isNull() || shown.size() != bare.size())
        return {};
    QRect ink;
    const auto rowBytes = static_cast<size_t>(shown.width()) * 3;
    for (int y = 0; y < shown.height(); ++y) {
        const uchar* a = shown.constScanLine(y);
        const uchar* b = bare.constScanLine(y);
        if (std::memcmp(a, b, rowBytes) == 0)
            continue;
        for (int x = 0; x < shown.width(); ++x) {
            if (std::memcmp(a + 3 * x, b + 3 * x, 3) != 0)
                ink = ink.united(QRect(x, y, 1, 1));
        }
    }
    RenderedStamp stamp{shown.size(), ink, {}};
    if (ink.isValid())
        stamp.text = ocr.recognize(shown.copy(ink.adjusted(-30, -30, 30, 30)), dpi).plainText();
    return stamp;
}

} // namespace

class TestPdfSignatureWriter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        signer_ = std::make_unique<CliSigner>(root_, QStringLiteral("Nguyễn Văn Thử"));
        supervisor_ = std::make_unique<CliSigner>(root_, QStringLiteral("Trần Thị Duyệt"));
        pdfsig_ = std::make_unique<testing::Pdfsig>(root_.certificateDer());
        ocr_ = std::make_unique<ocr::OcrEngine>(ocr::OcrSettings{});
        original_ = scannedPdf();
    }

    void aFreshSignatureIsValidTrustedAndTotal()
    {
        const QByteArray signedPdf = signer_->sign(original_);
        QVERIFY(signedPdf.startsWith(original_)); // not one original byte changed
        const QStringList reports = pdfsig_->verify(signedPdf);
        QCOMPARE(reports.size(), 1);
        QVERIFY2(isValidTrustedSignature(reports[0]), qPrintable(reports[0]));
        QVERIFY2(signsTotalDocument(reports[0]), qPrintable(reports[0]));
        QVERIFY2(reports[0].contains(QLatin1String("ETSI.CAdES.detached")), qPrintable(reports[0]));
        const QpdfRun check = qpdf(signedPdf, {QStringLiteral("--check")});
        QVERIFY2(check.exitCode == 0, check.output.constData());
    }

    void theSignatureDictionaryIsPadesWithTheSigningTime()
    {
        const QByteArray signedPdf = signer_->sign(original_);
        const QByteArray update = signedPdf.mid(original_.size());
        QVERIFY(update.contains("/Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached"
                                " /M (D:20250515103000+07'00')"));
        QVERIFY(!update.contains("/Cert"));
        QVERIFY(update.contains("/FT /Sig /T (Signature1)"));
        QVERIFY(update.contains("/F 132"));
        QVERIFY(update.contains("/SigFlags 3"));
        // One classic xref section chained to the original's, with the document's first /ID.
        const QRegularExpression startxref(QStringLiteral("startxref\\s+(\\d+)\\s+%%EOF\\s*$"));
        const QString previous = startxref.match(QString::fromLatin1(original_)).captured(1);
        QVERIFY(update.contains(" /Prev " + previous.toLatin1() + ' '));
        QPDF before;
        before.processMemoryFile("original", original_.constData(),
                                 static_cast<size_t>(original_.size()));
        QPDF after;
        after.processMemoryFile("signed", signedPdf.constData(),
                                static_cast<size_t>(signedPdf.size()));
        QCOMPARE(after.getTrailer().getKey("/ID").getArrayItem(0).getStringValue(),
                 before.getTrailer().getKey("/ID").getArrayItem(0).getStringValue());
        QVERIFY(after.getTrailer().getKey("/ID").getArrayItem(1).getStringValue() !=
                before.getTrailer().getKey("/ID").getArrayItem(1).getStringValue());
        QCOMPARE(after.getTrailer().getKey("/Info").getObjGen(),
                 before.getTrailer().getKey("/Info").getObjGen());
    }

    void theByteRangeLeavesOutExactlyTheContentsString()
    {
        const PreparedSignature prepared =
            PdfSignatureWriter::prepare(original_, request(), QStringLiteral("test.pdf"));
        const auto range = prepared.byteRange();
        const QByteArray& bytes = prepared.bytes();
        QCOMPARE(range[0], 0);
        QCOMPARE(bytes.at(range[1]), '<');
        QCOMPARE(bytes.at(range[2] - 1), '>');
        QCOMPARE(range[2] + range[3], bytes.size());
        QCOMPARE(prepared.capacity(), request().cmsCapacity);
        QCOMPARE(bytes.mid(range[1] + 1, range[2] - range[1] - 2),
                 QByteArray(2 * prepared.capacity(), '0'));
        QCOMPARE(prepared.signedBytes(), bytes.left(range[1]) + bytes.mid(range[2]));
        QCOMPARE(prepared.sha256(),
                 QCryptographicHash::hash(prepared.signedBytes(), QCryptographicHash::Sha256));
        // Writing the CMS in changes nothing the byte range covers.
        const QByteArray signedPdf = prepared.withSignature(signer_->cms(prepared));
        QCOMPARE(signedPdf.size(), bytes.size());
        QCOMPARE(signedPdf.left(range[1]) + signedPdf.mid(range[2]), prepared.signedBytes());
    }

    void aCmsLargerThanTheRoomIsRefused()
    {
        SignatureRequest small = request();
        small.cmsCapacity = 64;
        const PreparedSignature prepared =
            PdfSignatureWriter::prepare(original_, small, QStringLiteral("test.pdf"));
        const auto error =
            testing::thrownBy<UserError>([&] { prepared.withSignature(signer_->cms(prepared)); });
        QVERIFY(error.has_value());
        QCOMPARE(error->kind(), ErrorKind::Processing);
        QVERIFY2(error->message().contains(QLatin1String("room")), qPrintable(error->message()));
    }

    void signingTwiceKeepsTheFirstSignatureValid()
    {
        const QByteArray once = signer_->sign(original_);
        const QByteArray twice = supervisor_->sign(once, request(QStringLiteral("Trần Thị Duyệt")));
        QVERIFY(twice.startsWith(once));
        const QStringList reports = pdfsig_->verify(twice);
        QCOMPARE(reports.size(), 2);
        QVERIFY2(isValidTrustedSignature(reports[0]), qPrintable(reports[0]));
        QVERIFY2(signsEarlierRevision(reports[0]), qPrintable(reports[0]));
        QVERIFY2(isValidTrustedSignature(reports[1]), qPrintable(reports[1]));
        QVERIFY2(signsTotalDocument(reports[1]), qPrintable(reports[1]));
        QVERIFY(twice.mid(once.size()).contains("/T (Signature2)"));
        const QpdfRun check = qpdf(twice, {QStringLiteral("--check")});
        QVERIFY2(check.exitCode == 0, check.output.constData());

        // The second stamp sits under the first, right-aligned with the page like it.
        const auto rects = widgetRects(twice);
        QCOMPARE(rects.size(), size_t{2});
        QVERIFY(rects[1].ury < rects[0].lly);
        QCOMPARE(rects[1].urx, rects[0].urx);
    }

    // The time-stamp queue rewrites a signature's container in place: only the file's last
    // signature may be reopened, and writing its container back gives the same bytes.
    void onlyTheLastSignatureCanBeReopened()
    {
        const QByteArray twice =
            supervisor_->sign(signer_->sign(original_), request(QStringLiteral("Trần Thị Duyệt")));
        const auto signatures = PdfSignatureProbe::signaturesIn(twice, QStringLiteral("t.pdf"));
        QCOMPARE(signatures.size(), size_t{2});
        const auto& earlier = signatures[0].coversWholeFile ? signatures[1] : signatures[0];
        const auto& last = signatures[0].coversWholeFile ? signatures[0] : signatures[1];
        QVERIFY(last.coversWholeFile && !earlier.coversWholeFile);
        const auto error = testing::thrownBy<UserError>(
            [&] { PreparedSignature::reopen(twice, earlier.byteRange); });
        QVERIFY(error.has_value());
        QCOMPARE(error->kind(), ErrorKind::Processing);

        const PreparedSignature reopened = PreparedSignature::reopen(twice, last.byteRange);
        QCOMPARE(reopened.bytes().count(last.contents.toHex().toUpper()), 0);
        QCOMPARE(reopened.withSignature(last.contents), twice);
    }

    void aPdfAStaysPdfA()
    {
        QVERIFY(testing::checkPdfA2b(original_).empty());
        const QByteArray twice = supervisor_->sign(signer_->sign(original_));
        QStringList findings;
        for (const testing::PdfaFinding& finding : testing::checkPdfA2b(twice))
            findings << testing::toString(finding);
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join(u'\n')));
    }

    void anXrefStreamFileSignsAndVerifies()
    {
        const QByteArray compact =
            qpdf(original_, {QStringLiteral("--object-streams=generate")}).output;
        QVERIFY(compact.contains("/Type /XRef") || compact.contains("/Type/XRef"));
        QVERIFY(!compact.contains("\nxref"));
        const QByteArray signedPdf = signer_->sign(compact);
        QVERIFY(signedPdf.startsWith(compact));
        const QStringList reports = pdfsig_->verify(signedPdf);
        QCOMPARE(reports.size(), 1);
        QVERIFY2(isValidTrustedSignature(reports[0]), qPrintable(reports[0]));
        QVERIFY2(signsTotalDocument(reports[0]), qPrintable(reports[0]));
        const QpdfRun check = qpdf(signedPdf, {QStringLiteral("--check")});
        QVERIFY2(check.exitCode == 0, check.output.constData());
    }

    void anIndirectAcroFormGetsANewVersion()
    {
        // Another tool's form: an indirect AcroForm holding a text field.
        const QByteArray withForm = rewritten(original_, [](QPDF& document) {
            QPDFObjectHandle field = document.makeIndirectObject(QPDFObjectHandle::parse(
                "<< /FT /Tx /T (Signature1) /Subtype /Widget /Rect [0 0 0 0] /F 4 >>"));
            QPDFObjectHandle form = document.makeIndirectObject(
                QPDFObjectHandle::parse("<< /Fields [] /DA (/Helv 0 Tf 0 g) >>"));
            form.getKey("/Fields").appendItem(field);
            document.getRoot().replaceKey("/AcroForm", form);
        });
        const QByteArray signedPdf = signer_->sign(withForm);
        QPDF document;
        document.processMemoryFile("signed", signedPdf.constData(),
                                   static_cast<size_t>(signedPdf.size()));
        QPDFObjectHandle form = document.getRoot().getKey("/AcroForm");
        QVERIFY(form.isIndirect());
        QCOMPARE(form.getKey("/Fields").getArrayNItems(), 2);
        QCOMPARE(form.getKey("/DA").getStringValue(), std::string("/Helv 0 Tf 0 g"));
        QCOMPARE(form.getKey("/SigFlags").getIntValue(), 3LL);
        // The name is taken, so the signature gets the next one.
        QCOMPARE(form.getKey("/Fields").getArrayItem(1).getKey("/T").getStringValue(),
                 std::string("Signature2"));
        const QStringList reports = pdfsig_->verify(signedPdf);
        QCOMPARE(reports.size(), 1);
        QVERIFY2(isValidTrustedSignature(reports[0]), qPrintable(reports[0]));
    }

    void encryptedFilesAreRefused_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("user password")
            << QStringList{QStringLiteral("--encrypt"), QStringLiteral("user"),
                           QStringLiteral("owner"), QStringLiteral("256"), QStringLiteral("--")};
        QTest::newRow("owner password only (opens without one)")
            << QStringList{QStringLiteral("--encrypt"), QString(), QStringLiteral("owner"),
                           QStringLiteral("256"), QStringLiteral("--")};
    }

    void encryptedFilesAreRefused()
    {
        QFETCH(QStringList, options);
        const QByteArray locked = qpdf(original_, options).output;
        QVERIFY(locked.contains("/Encrypt"));
        const auto error = testing::thrownBy<UserError>(
            [&] { PdfSignatureWriter::prepare(locked, request(), QStringLiteral("locked.pdf")); });
        QVERIFY(error.has_value());
        QCOMPARE(error->kind(), ErrorKind::InvalidInput);
        QVERIFY2(error->message().contains(QLatin1String("locked.pdf is encrypted")),
                 qPrintable(error->message()));
    }

    void brokenFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("broken");
        QTest::newRow("truncated") << original_.left(original_.size() * 2 / 3);
        QTest::newRow("tail cut off") << original_.chopped(30);
        // One byte inserted before the objects: every xref offset is off by one, which qpdf
        // would repair by scanning the file.
        QByteArray shifted = original_;
        shifted.insert(original_.indexOf("1 0 obj"), ' ');
        QTest::newRow("xref offsets off") << shifted;
        QTest::newRow("not a PDF") << QByteArray("%PDF-1.7\nhello\n%%EOF\n");
    }

    void brokenFilesAreRefused()
    {
        QFETCH(QByteArray, broken);
        const auto error = testing::thrownBy<UserError>(
            [&] { PdfSignatureWriter::prepare(broken, request(), QStringLiteral("broken.pdf")); });
        QVERIFY(error.has_value());
        QCOMPARE(error->kind(), ErrorKind::InvalidInput);
        QVERIFY2(error->message().contains(QLatin1String("broken.pdf is damaged")),
                 qPrintable(error->message()));
    }

    void aChangedByteInTheSignedRangeInvalidatesTheSignature_data()
    {
        QTest::addColumn<bool>("inOriginal");
        QTest::newRow("in the original bytes") << true;
        QTest::newRow("in the update") << false;
    }

    void aChangedByteInTheSignedRangeInvalidatesTheSignature()
    {
        QFETCH(bool, inOriginal);
        const QByteArray signedPdf = signer_->sign(original_);
        QByteArray tampered = signedPdf;
        // A digit of the page's MediaBox, or of the stamp's /Rect: both are signed.
        const qsizetype at = inOriginal ? original_.indexOf("/MediaBox [0 0 ") + 15
                                        : signedPdf.indexOf("/Rect [", original_.size()) + 7;
        QVERIFY(std::isdigit(static_cast<unsigned char>(tampered[at])));
        tampered[at] = tampered[at] == '1' ? '2' : '1';
        const QStringList reports = pdfsig_->verify(tampered);
        QCOMPARE(reports.size(), 1);
        QVERIFY2(!reports[0].contains(QLatin1String("Signature is Valid.")),
                 qPrintable(reports[0]));
        QVERIFY2(reports[0].contains(QLatin1String("Signature is Invalid")) ||
                     reports[0].contains(QLatin1String("Digest Mismatch")),
                 qPrintable(reports[0]));
    }

    void theStampFontIsAnEmbeddedSubsetWithUnicode()
    {
        const QByteArray signedPdf = signer_->sign(original_);
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("signed.pdf")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(signedPdf);
        file.close();
        // pdffonts scans the annotations' appearances too.
        const testing::ToolResult fonts = runTool(QStringLiteral("pdffonts"), {file.fileName()});
        QCOMPARE(fonts.exitCode, 0);
        const QRegularExpression subset(
            QStringLiteral("^[A-Z]{6}\\+LiberationSerif\\S*\\s+CID "
                           "TrueType\\s+Identity-H\\s+yes\\s+yes\\s+yes"),
            QRegularExpression::MultilineOption);
        QVERIFY2(subset.match(QString::fromUtf8(fonts.out)).hasMatch(), fonts.out.constData());

        QPDF document;
        document.processMemoryFile("signed", signedPdf.constData(),
                                   static_cast<size_t>(signedPdf.size()));
        QPDFObjectHandle widget = firstPage(document).getKey("/Annots").getArrayItem(0);
        QPDFObjectHandle appearance = widget.getKey("/AP").getKey("/N");
        QVERIFY(appearance.isStream());
        QPDFObjectHandle font =
            appearance.getDict().getKey("/Resources").getKey("/Font").getKey("/F0");
        QVERIFY(font.getKey("/ToUnicode").isStream());
        QPDFObjectHandle program = font.getKey("/DescendantFonts")
                                       .getArrayItem(0)
                                       .getKey("/FontDescriptor")
                                       .getKey("/FontFile2");
        QVERIFY(program.isStream());
        const size_t embedded = program.getStreamData(qpdf_dl_all)->getSize();
        const qint64 whole = QFileInfo(QString::fromLatin1(SignatureStamp::defaultFontFile)).size();
        QVERIFY2(embedded * 5 < static_cast<size_t>(whole),
                 qPrintable(QStringLiteral("%1 of %2 bytes").arg(embedded).arg(whole)));
    }

    void theStampReadsBackAtTheTopRight_data()
    {
        QTest::addColumn<QByteArray>("pdf");
        QTest::newRow("A4 portrait") << original_;
        QTest::newRow("crop box away from the origin") << rewritten(original_, [](QPDF& document) {
            firstPage(document).replaceKey("/CropBox", QPDFObjectHandle::parse("[60 90 520 780]"));
        });
        QTest::newRow("page turned 90 degrees, cropped")
            << rewritten(original_, [](QPDF& document) {
                   QPDFObjectHandle page = firstPage(document);
                   page.replaceKey("/Rotate", QPDFObjectHandle::newInteger(90));
                   page.replaceKey("/CropBox", QPDFObjectHandle::parse("[60 90 520 780]"));
               });
        QTest::newRow("page turned 270 degrees") << rewritten(original_, [](QPDF& document) {
            firstPage(document).replaceKey("/Rotate", QPDFObjectHandle::newInteger(270));
        });
        QTest::newRow("page turned 180 degrees") << rewritten(original_, [](QPDF& document) {
            firstPage(document).replaceKey("/Rotate", QPDFObjectHandle::newInteger(180));
        });
    }

    void theStampReadsBackAtTheTopRight()
    {
        QFETCH(QByteArray, pdf);
        const RenderedStamp stamp = renderStamp(signer_->sign(pdf), *ocr_);
        QVERIFY2(stamp.ink.isValid(), "the widget draws nothing");
        // Top right: within an inch of the top and the right edges, in the top right quarter.
        constexpr int inch = 300;
        const QString where = QStringLiteral("stamp at %1,%2 %3x%4 on a %5x%6 page")
                                  .arg(stamp.ink.x())
                                  .arg(stamp.ink.y())
                                  .arg(stamp.ink.width())
                                  .arg(stamp.ink.height())
                                  .arg(stamp.page.width())
                                  .arg(stamp.page.height());
        QVERIFY2(stamp.ink.top() < inch && stamp.page.width() - stamp.ink.right() < inch,
                 qPrintable(where));
        QVERIFY2(stamp.ink.left() > stamp.page.width() / 2 &&
                     stamp.ink.bottom() < stamp.page.height() / 2,
                 qPrintable(where));
        const QString text = stamp.text.simplified();
        QVERIFY2(text.contains(agency), qPrintable(text));
        QVERIFY2(text.contains(signingTimeText), qPrintable(text));
    }

    void aSecondStampReadsBackBelowTheFirst()
    {
        const QByteArray once = signer_->sign(original_);
        const RenderedStamp first = renderStamp(once, *ocr_);
        const QByteArray twice = supervisor_->sign(once, request(QStringLiteral("Trần Thị Duyệt")));
        const RenderedStamp both = renderStamp(twice, *ocr_);
        QVERIFY(first.ink.isValid() && both.ink.isValid());
        QCOMPARE(both.ink.top(), first.ink.top());
        QVERIFY(both.ink.bottom() > first.ink.bottom() + first.ink.height());
        QVERIFY2(both.text.contains(QStringLiteral("Trần Thị Duyệt")), qPrintable(both.text));
        QVERIFY2(both.text.contains(QStringLiteral("Nguyễn Văn Thử")), qPrintable(both.text));
    }

private:
    testing::TestCertificateAuthority root_;
    std::unique_ptr<CliSigner> signer_;
    std::unique_ptr<CliSigner> supervisor_;
    std::unique_ptr<testing::Pdfsig> pdfsig_;
    std::unique_ptr<ocr::OcrEngine> ocr_;
    QByteArray original_;
};

QTEST_MAIN(TestPdfSignatureWriter)
#include "test_pdf_signature_writer.moc"
