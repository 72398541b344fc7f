// SPDX-License-Identifier: GPL-3.0-or-later
// Importing files as pages: PNG, JPEG, PNM (PBM, PGM, PPM), TIFF (every page, its resolution),
// PDF rendered at a chosen dpi on white paper, and signed PDFs handed over byte for byte
// without a page being rendered. Damaged and missing files give a message naming them. Every
// input is generated here with synthetic content, in a temporary folder.
#include "domain/UserError.h"
#include "support/ErrorCapture.h"
#include "support/ImagingSamples.h"
#include "support/IncrementalPdf.h"
#include "usecases/ImageImport.h"

#include <QBuffer>
#include <QFile>
#include <QImageWriter>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

using namespace sohoa;
using sohoa::testing::IncrementalPdf;
using sohoa::usecases::CapturedPage;
using sohoa::usecases::ImageImport;
using sohoa::usecases::ImportedDocument;
using sohoa::usecases::SearchablePdfs;

namespace {

struct Imported
{
    std::vector<CapturedPage> pages;
    std::vector<ImportedDocument> documents;
};

Imported importFile(const QString& path, int pdfDpi = ImageImport::kDefaultPdfDpi,
                    SearchablePdfs searchable = SearchablePdfs::Render)
{
    Imported result;
    ImageImport::importFile(
        path, pdfDpi, [&](CapturedPage&& page) { result.pages.push_back(std::move(page)); },
        [&](ImportedDocument&& document) { result.documents.push_back(std::move(document)); },
        searchable);
    return result;
}

// A box and a diagonal on white, so that orientation and pixels can be compared.
QImage samplePage(QSize size, QImage::Format format)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.fillRect(
        QRect(size.width() / 8, size.height() / 8, size.width() / 2, size.height() / 4),
        QColor(20, 60, 160));
    painter.setPen(Qt::black);
    painter.drawLine(0, size.height() - 1, size.width() - 1, 0);
    painter.end();
    return image.convertToFormat(format);
}

QByteArray encoded(const QImage& image, const QByteArray& format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    return writer.write(image) ? bytes : QByteArray();
}

bool samePixels(const QImage& a, const QImage& b)
{
    return a.convertToFormat(QImage::Format_RGB32) == b.convertToFormat(QImage::Format_RGB32);
}

void appendLittleEndian(QByteArray& out, quint32 value, int bytes)
{
    for (int index = 0; index < bytes; ++index)
        out.append(static_cast<char>((value >> (8 * index)) & 0xFF));
}

// A baseline TIFF of 8-bit grey pages, one uncompressed strip each, chained in order; Qt's
// TIFF writer cannot chain pages. `dpi` 0 records no resolution at all.
QByteArray greyTiff(const std::vector<QImage>& pages, quint32 dpi)
{
    QByteArray out("II*\0", 4);
    qsizetype nextIfdPointer = out.size();
    appendLittleEndian(out, 0, 4);
    for (const QImage& page : pages) {
        const QImage grey = page.convertToFormat(QImage::Format_Grayscale8);
        const auto width = static_cast<quint32>(grey.width());
        const auto height = static_cast<quint32>(grey.height());
        const auto pixels = static_cast<quint32>(out.size());
        for (int y = 0; y < grey.height(); ++y)
            out.append(reinterpret_cast<const char*>(grey.constScanLine(y)), grey.width());
        if (out.size() % 2 != 0)
            out.append('\0'); // IFDs and values start on a word boundary
        const auto resolution = static_cast<quint32>(out.size());
        appendLittleEndian(out, dpi, 4);
        appendLittleEndian(out, 1, 4);
        qToLittleEndian(static_cast<quint32>(out.size()), out.data() + nextIfdPointer);

        struct Entry
        {
            quint16 tag;
            quint16 type; // 3 SHORT, 4 LONG, 5 RATIONAL (by offset)
            quint32 value;
        };
        std::vector<Entry> entries = {{256, 4, width}, {257, 4, height}, {258, 3, 8},
                                      {259, 3, 1},     {262, 3, 1},      {273, 4, pixels},
                                      {277, 3, 1},     {278, 4, height}, {279, 4, width * height}};
        if (dpi > 0)
            entries.insert(entries.end(),
                           {{282, 5, resolution}, {283, 5, resolution}, {296, 3, 2}});
        appendLittleEndian(out, static_cast<quint32>(entries.size()), 2);
        for (const Entry& entry : entries) {
            appendLittleEndian(out, entry.tag, 2);
            appendLittleEndian(out, entry.type, 2);
            appendLittleEndian(out, 1, 4);
            appendLittleEndian(out, entry.value, 4);
        }
        nextIfdPointer = out.size();
        appendLittleEndian(out, 0, 4);
    }
    return out;
}

// Two pages of known sizes in points (5 × 4 in, then 4 × 6 in), each with a black inch square
// one inch from the top left, and nothing painted elsewhere.
QByteArray twoPagePdf()
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(72); // painter units are points
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setPageSize(QPageSize(QSize(360, 288), QStringLiteral("test"), QPageSize::ExactMatch));
    QPainter painter(&writer);
    painter.fillRect(QRectF(72, 72, 72, 72), Qt::black);
    writer.setPageSize(QPageSize(QSize(288, 432), QStringLiteral("test"), QPageSize::ExactMatch));
    writer.newPage();
    painter.fillRect(QRectF(72, 72, 72, 72), Qt::black);
    painter.end();
    return bytes;
}

// A born-digital PDF: every page carries text, drawn as text (not as pixels).
QByteArray pdfWithText(const QStringList& pageTexts)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(72);
    QPainter painter(&writer);
    for (qsizetype i = 0; i < pageTexts.size(); ++i) {
        if (i > 0)
            writer.newPage();
        painter.drawText(QPointF(72, 72), pageTexts[i]);
    }
    painter.end();
    return bytes;
}

} // namespace

class TestImageImport : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;

    QString write(const QString& name, const QByteArray& bytes)
    {
        QString path = dir_.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    void expectRefused(const QString& path)
    {
        int pages = 0;
        const auto error = testing::thrownBy<UserError>([&] {
            ImageImport::importFile(
                path, 150, [&](CapturedPage&&) { ++pages; }, [&](ImportedDocument&&) { ++pages; });
        });
        QVERIFY(error);
        QCOMPARE(error->kind(), ErrorKind::InvalidInput);
        QVERIFY2(error->message().contains(path), qPrintable(error->message()));
        QCOMPARE(pages, 0);
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void readsAnImageFile_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<QByteArray>("magic");
        QTest::addColumn<QImage>("image");
        QTest::addColumn<int>("expectedDpi"); // every image is stamped 200 dpi before writing
        QTest::addColumn<bool>("lossless");
        const QSize size(240, 160);
        const QImage colour = samplePage(size, QImage::Format_RGB32);
        QTest::newRow("PNG") << QByteArray("png") << QByteArray("\x89PNG") << colour << 200 << true;
        QTest::newRow("JPEG") << QByteArray("jpeg") << QByteArray("\xFF\xD8") << colour << 200
                              << false;
        QTest::newRow("TIFF by Qt")
            << QByteArray("tiff") << QByteArray("II*") << colour << 200 << true;
        // PNM records no resolution: the assumed one applies.
        const int assumed = ImageImport::kAssumedImageDpi;
        QTest::newRow("PBM 1-bit") << QByteArray("pbm") << QByteArray("P4")
                                   << samplePage(size, QImage::Format_Mono) << assumed << true;
        QTest::newRow("PGM grey") << QByteArray("pgm") << QByteArray("P5")
                                  << samplePage(size, QImage::Format_Grayscale8) << assumed << true;
        QTest::newRow("PPM colour")
            << QByteArray("ppm") << QByteArray("P6") << colour << assumed << true;
    }

    void readsAnImageFile()
    {
        QFETCH(QByteArray, format);
        QFETCH(QByteArray, magic);
        QFETCH(QImage, image);
        QFETCH(int, expectedDpi);
        QFETCH(bool, lossless);
        testing::setDpi(image, 200);
        const QByteArray bytes = encoded(image, format);
        QVERIFY(bytes.startsWith(magic));
        const Imported imported =
            importFile(write(QStringLiteral("page.") + QString::fromLatin1(format), bytes));
        QVERIFY(imported.documents.empty());
        QCOMPARE(imported.pages.size(), std::size_t{1});
        const CapturedPage& page = imported.pages[0];
        QCOMPARE(page.image.size(), image.size());
        QCOMPARE(page.dpi, expectedDpi);
        QCOMPARE(page.source, QStringLiteral("file"));
        if (lossless) {
            QVERIFY(samePixels(page.image, image));
        } else {
            const QColor box = page.image.pixelColor(60, 40); // blue within JPEG's margin
            QVERIFY2(box.blue() > 120 && box.red() < 70, qPrintable(box.name()));
        }
    }

    void readsEveryTiffPageInOrder()
    {
        const std::vector<QImage> pages = {samplePage(QSize(300, 200), QImage::Format_Grayscale8),
                                           samplePage(QSize(200, 300), QImage::Format_Grayscale8),
                                           samplePage(QSize(150, 150), QImage::Format_Grayscale8)};
        const Imported imported = importFile(write("three.tif", greyTiff(pages, 150)));
        QCOMPARE(imported.pages.size(), pages.size());
        for (std::size_t index = 0; index < pages.size(); ++index) {
            QCOMPARE(imported.pages[index].image.size(), pages[index].size());
            QVERIFY(samePixels(imported.pages[index].image, pages[index]));
            QCOMPARE(imported.pages[index].dpi, 150);
        }
    }

    void assumesTheDefaultForATiffWithoutResolution()
    {
        const QImage page = samplePage(QSize(120, 80), QImage::Format_Grayscale8);
        const Imported imported = importFile(write("bare.tif", greyTiff({page}, 0)));
        QCOMPARE(imported.pages.size(), std::size_t{1});
        QCOMPARE(imported.pages[0].dpi, ImageImport::kAssumedImageDpi);
    }

    void rendersPdfPagesAtTheChosenDpiOnWhite()
    {
        const Imported imported = importFile(write("two.pdf", twoPagePdf()), 150);
        QVERIFY(imported.documents.empty());
        QCOMPARE(imported.pages.size(), std::size_t{2});
        // Points × 150 / 72: 360 × 288 pt and 288 × 432 pt.
        QCOMPARE(imported.pages[0].image.size(), QSize(750, 600));
        QCOMPARE(imported.pages[1].image.size(), QSize(600, 900));
        for (const CapturedPage& page : imported.pages) {
            QCOMPARE(page.dpi, 150);
            QVERIFY(!page.image.hasAlphaChannel());
            QCOMPARE(page.image.pixelColor(10, 10), QColor(Qt::white));   // flattened, not clear
            QCOMPARE(page.image.pixelColor(225, 225), QColor(Qt::black)); // 1.5 in: the square
            QCOMPARE(page.image.pixelColor(400, 400), QColor(Qt::white));
        }
    }

    void keepsASearchablePdfWhenAsked()
    {
        const QByteArray bytes =
            pdfWithText({QStringLiteral("Giấy khai sinh"), QStringLiteral("Trang hai")});
        const QString path = write("born-digital.pdf", bytes);
        const Imported kept = importFile(path, 150, SearchablePdfs::Keep);
        QVERIFY(kept.pages.empty());
        QCOMPARE(kept.documents.size(), std::size_t{1});
        QCOMPARE(kept.documents[0].bytes, bytes);
        QVERIFY(kept.documents[0].signatures.empty());
        // Not asked: rendered like a scan.
        QCOMPARE(importFile(path, 150).pages.size(), std::size_t{2});
        // A page without text (a scan inside a PDF) means the file is not searchable: rendered.
        const Imported scanned =
            importFile(write("two.pdf", twoPagePdf()), 150, SearchablePdfs::Keep);
        QVERIFY(scanned.documents.empty());
        QCOMPARE(scanned.pages.size(), std::size_t{2});
    }

    void rendersAPdfWhoseSignatureFieldIsEmpty()
    {
        const IncrementalPdf pdf = IncrementalPdf::withField(
            QStringLiteral("Signature1"), testing::SignatureFieldOptions::emptySlot());
        const Imported imported = importFile(write("unsigned.pdf", pdf.bytes()), 144);
        QVERIFY(imported.documents.empty());
        QCOMPARE(imported.pages.size(), std::size_t{1});
        QCOMPARE(imported.pages[0].image.size(), QSize(400, 200)); // 200 × 100 pt at 144 dpi
        QCOMPARE(imported.pages[0].image.pixelColor(200, 100), QColor(Qt::blue));
    }

    void handsOverASignedPdfByteForByte()
    {
        const IncrementalPdf pdf = IncrementalPdf::withField(QStringLiteral("Signature1"));
        const Imported imported = importFile(write("signed.pdf", pdf.bytes()), 150);
        QVERIFY(imported.pages.empty());
        QCOMPARE(imported.documents.size(), std::size_t{1});
        const ImportedDocument& document = imported.documents[0];
        QCOMPARE(document.bytes, pdf.bytes());
        QCOMPARE(document.fileName, QStringLiteral("signed.pdf"));
        QCOMPARE(document.signatures.size(), std::size_t{1});
        QCOMPARE(document.signatures[0].fieldName, QStringLiteral("Signature1"));
        QCOMPARE(document.signatures[0].subFilter, QString::fromLatin1(IncrementalPdf::kSubFilter));
        QVERIFY(document.signatures[0].coversWholeFile);
        QVERIFY(!pdf::PdfSignatureProbe::modifiedAfterSigning(document.signatures));
    }

    void keepsASignedPdfChangedAfterSigningAndSaysSo()
    {
        IncrementalPdf pdf = IncrementalPdf::withField(QStringLiteral("Signature1"));
        pdf.appendPageRedraw("1 0 0 rg 20 20 160 60 re f");
        const Imported imported = importFile(write("changed.pdf", pdf.bytes()), 150);
        QVERIFY(imported.pages.empty());
        QCOMPARE(imported.documents.size(), std::size_t{1});
        QCOMPARE(imported.documents[0].bytes, pdf.bytes());
        QVERIFY(!imported.documents[0].signatures[0].coversWholeFile);
        QVERIFY(pdf::PdfSignatureProbe::modifiedAfterSigning(imported.documents[0].signatures));
    }

    void callersThatCannotKeepASignedPdfRefuseIt()
    {
        const IncrementalPdf pdf = IncrementalPdf::withField(QStringLiteral("Signature1"));
        const QString path = write("refused.pdf", pdf.bytes());
        int pages = 0;
        const auto error = testing::thrownBy<UserError>([&] {
            ImageImport::importFile(
                path, 150, [&](CapturedPage&&) { ++pages; }, ImageImport::refuseSignedDocuments());
        });
        QVERIFY(error);
        QCOMPARE(error->kind(), ErrorKind::InvalidInput);
        QVERIFY2(error->message().contains(QStringLiteral("refused.pdf")),
                 qPrintable(error->message()));
        QCOMPARE(pages, 0);
    }

    void bothSinksAreRequired()
    {
        const QString path =
            write("sinks.png", encoded(samplePage(QSize(20, 20), QImage::Format_RGB32), "png"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 ImageImport::importFile(path, 150, [](CapturedPage&&) {}, {}));
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            ImageImport::importFile(path, 150, {}, ImageImport::refuseSignedDocuments()));
    }

    void refusesUnreadableFilesByName_data()
    {
        QTest::addColumn<QString>("path");
        const QByteArray png = encoded(samplePage(QSize(400, 300), QImage::Format_RGB32), "png");
        QTest::newRow("truncated PNG") << write("truncated.png", png.left(png.size() / 2));

        QByteArray noise(4096, '\0');
        QRandomGenerator random(20240501);
        for (char& byte : noise)
            byte = static_cast<char>(random.bounded(256));
        QTest::newRow("random bytes") << write("noise.bin", noise);
        QTest::newRow("empty file") << write("empty.png", QByteArray());
        QTest::newRow("missing file") << dir_.filePath(QStringLiteral("missing.png"));
        QTest::newRow("a folder") << dir_.path();

        QByteArray brokenPdf = twoPagePdf();
        const qsizetype bodyStart = brokenPdf.indexOf(" 0 obj") - 1;
        const qsizetype bodyEnd = brokenPdf.lastIndexOf("xref");
        brokenPdf.replace(bodyStart, bodyEnd - bodyStart, QByteArray(bodyEnd - bodyStart, '#'));
        QTest::newRow("PDF with a broken body") << write("broken.pdf", brokenPdf);
        QTest::newRow("PDF header, then noise") << write("noise.pdf", "%PDF-1.7\n" + noise);
    }

    void refusesUnreadableFilesByName()
    {
        QFETCH(QString, path);
        expectRefused(path);
    }
};

QTEST_MAIN(TestImageImport) // a GUI application: the born-digital PDF is drawn with fonts
#include "test_image_import.moc"
