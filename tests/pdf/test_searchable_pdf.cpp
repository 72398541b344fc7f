// SPDX-License-Identifier: GPL-3.0-or-later
// The searchable PDF writer, checked from the outside with the tools a reviewer would use:
// qpdf for structure, poppler's pdffonts/pdftotext/pdfimages/pdfinfo for what readers see.
#include "domain/UserError.h"
#include "pdf/CidEncoder.h"
#include "pdf/GlyphlessFont.h"
#include "pdf/PdfImageEncoder.h"
#include "pdf/SearchablePdfWriter.h"

#include <QBuffer>
#include <QFile>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QRawFont>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>
#include <cstdint>

using namespace sohoa;
using namespace sohoa::pdf;

namespace {

constexpr int dpi = 200;
constexpr QSize a4At200Dpi(1654, 2339);

struct ToolResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

ToolResult run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return {-1, {}, program + QStringLiteral(" could not be started")};
    process.waitForFinished(60000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// Extraction may break lines and pages its own way; what must match is the words and the
// word breaks, in NFC.
QString folded(const QString& text)
{
    return text.normalized(QString::NormalizationForm_C).simplified();
}

enum class Align
{
    Left,
    Center
};

struct LineSpec
{
    QString text;
    int height; // line box height in pixels, ascender to descender
    Align align = Align::Left;
    int gapAfter = 30;
};

// Lays lines out in one column from the top margin, gives every word a box proportional to its
// length (like a proportional font would), draws the words into those boxes on a white page and
// returns the matching OCR result.
std::pair<QImage, ocr::PageText> makePage(const std::vector<LineSpec>& specs, bool colour)
{
    QImage image(a4At200Dpi, colour ? QImage::Format_RGB32 : QImage::Format_Grayscale8);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setPen(Qt::black);

    ocr::PageText page;
    const int marginLeft = 236;
    const int textWidth = a4At200Dpi.width() - 2 * marginLeft;
    int top = 200;
    for (const LineSpec& spec : specs) {
        const int charWidth = spec.height * 9 / 20;
        const int spaceWidth = spec.height * 3 / 10;
        const QStringList texts = spec.text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        int lineWidth = 0;
        for (const QString& word : texts)
            lineWidth += int(word.size()) * charWidth + spaceWidth;
        lineWidth -= spaceWidth;
        int x = spec.align == Align::Center ? marginLeft + (textWidth - lineWidth) / 2 : marginLeft;
        ocr::Line line;
        line.baselineY = top + spec.height * 4 / 5;
        for (const QString& text : texts) {
            const QRect box(x, top, int(text.size()) * charWidth, spec.height);
            line.words.push_back({text, box, 91.5F});
            QFont font(QStringLiteral("DejaVu Sans"));
            font.setPixelSize(spec.height * 3 / 5);
            painter.setFont(font);
            painter.drawText(box, Qt::AlignCenter, text);
            x += box.width() + spaceWidth;
        }
        line.box = line.words.front().box.united(line.words.back().box);
        page.lines.push_back(line);
        top += spec.height + spec.gapAfter;
    }
    if (colour) {
        // A red seal, as on signed decisions, so the colour page really is colour.
        painter.setPen(QPen(QColor(200, 20, 20), 12));
        painter.drawEllipse(QPoint(1100, top + 250), 220, 220);
    }
    painter.end();
    return {image, page};
}

std::pair<QImage, ocr::PageText> firstPage()
{
    return makePage(
        {
            {QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 52, Align::Center, 18},
            {QStringLiteral("Độc lập - Tự do - Hạnh phúc"), 48, Align::Center, 90},
            {QStringLiteral("QUYẾT ĐỊNH"), 60, Align::Center, 20},
            {QStringLiteral("Về việc Đăng ký khai sinh"), 48, Align::Center, 80},
            {QStringLiteral("Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;"), 46},
            {QStringLiteral("Xét đề nghị của ông Nguyễn Văn Đức, thường trú tại phường"), 46},
            {QStringLiteral("Quang Trung, thành phố Quy Nhơn, tỉnh Bình Định;"), 46},
            {QStringLiteral("Giấy tờ nộp kèm phải phẳng, nhẵn, không tẩy xóa, rách nát;"), 46},
            {QStringLiteral("lệ phí được nộp bằng tiền mặt hoặc chuyển khoản, khắc ghi rõ."), 46},
            {QStringLiteral("Điều 1. Chấp thuận Đăng ký khai sinh cho cháu Trần Thị Ngọc Ánh."),
             46},
        },
        false);
}

std::pair<QImage, ocr::PageText> secondPage()
{
    auto page = makePage(
        {
            {QStringLiteral("Điều 2. Quyết định này có hiệu lực kể từ ngày ký."), 46},
            {QStringLiteral("Ghi chú chữ Nôm: 𡨸 𠊛 (chữ, người)."), 46},
            {QStringLiteral("Nơi nhận: Như Điều 2; Lưu VT, HCTP."), 46, Align::Left, 120},
            {QStringLiteral("CHỦ TỊCH"), 52, Align::Center, 300},
            {QStringLiteral("Nguyễn Văn Đức"), 52, Align::Center},
        },
        true);
    // OCR engines may hand over decomposed text; the layer must still come out in NFC.
    page.second.lines[0].words[1].text =
        page.second.lines[0].words[1].text.normalized(QString::NormalizationForm_D);
    return page;
}

struct WrittenPdf
{
    QString path;
    QString expectedText;
    ocr::Word firstWord;
};

WrittenPdf writePdf(const QTemporaryDir& dir, const PdfImageOptions& options, const QString& name)
{
    const auto [image1, text1] = firstPage();
    const auto [image2, text2] = secondPage();

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    PdfMetadata meta;
    meta.title = QStringLiteral("Quyết định Đăng ký khai sinh");
    meta.dossierCode = QStringLiteral("000.00.21.H08-250515-0001");
    meta.componentCode = QStringLiteral("TP-HT-01");
    meta.creationDate = QDateTime(QDate(2025, 5, 15), QTime(9, 30), QTimeZone(7 * 3600));
    SearchablePdfWriter writer(buffer, meta, options);
    writer.addPage(image1, dpi, text1);
    writer.addPage(image2, dpi, text2);
    writer.finish();
    buffer.close();

    WrittenPdf result;
    result.path = dir.filePath(name);
    QFile file(result.path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(result.path));
    result.expectedText = text1.plainText() + QLatin1Char('\n') + text2.plainText();
    result.firstWord = text1.lines.front().words.front();
    return result;
}

std::uint32_t readU32(const QByteArray& data, qsizetype at)
{
    std::uint32_t value = 0;
    for (qsizetype i = 0; i < 4; ++i)
        value = (value << 8) | static_cast<unsigned char>(data[at + i]);
    return value;
}

std::uint32_t sfntChecksum(const QByteArray& data, qsizetype offset, qsizetype length)
{
    QByteArray table = data.mid(offset, length);
    while (table.size() % 4 != 0)
        table += '\0';
    std::uint32_t sum = 0;
    for (qsizetype i = 0; i < table.size(); i += 4)
        sum += readU32(table, i);
    return sum;
}

} // namespace

class TestSearchablePdf : public QObject
{
    Q_OBJECT

private slots:
    void writesSearchablePdf_data();
    void writesSearchablePdf();
    void writesDocumentInformation();
    void textLayerIsInvisibleWithRealSpaces();
    void streamsPagesAsTheyAreAdded();
    void pageWithoutTextIsValid();
    void flattensAlphaOntoWhite();
    void lineArtStaysBilevelAndLossless();
    void rejectsInvalidInput();
    void encodesSupplementaryCharactersInPrivateCids();
    void glyphlessFontIsWellFormed();
};

void TestSearchablePdf::writesSearchablePdf_data()
{
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QString>("expectedEnc");
    QTest::newRow("jpeg") << int(ImageEncoding::Jpeg) << QStringLiteral("jpeg");
    QTest::newRow("lossless") << int(ImageEncoding::Lossless) << QStringLiteral("image");
}

void TestSearchablePdf::writesSearchablePdf()
{
    QFETCH(int, encoding);
    QFETCH(QString, expectedEnc);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    PdfImageOptions options;
    options.encoding = static_cast<ImageEncoding>(encoding);
    options.jpegQuality = 75;
    const WrittenPdf pdf = writePdf(dir, options, QStringLiteral("dossier.pdf"));

    // Structure: xref offsets, object syntax and every stream's filter decode cleanly.
    const ToolResult check = run(QStringLiteral("qpdf"), {QStringLiteral("--check"), pdf.path});
    QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
    QVERIFY2(check.out.contains(QStringLiteral("No syntax or stream encoding errors")),
             qPrintable(check.out));
    QVERIFY2(!check.out.contains(QStringLiteral("WARNING")) && check.err.isEmpty(),
             qPrintable(check.out + check.err));

    // The font is embedded and has a ToUnicode map.
    const ToolResult fonts = run(QStringLiteral("pdffonts"), {pdf.path});
    QCOMPARE(fonts.exitCode, 0);
    const QStringList fontLines = fonts.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(fontLines.size(), 3); // header, rule, one font
    const QStringList columns =
        fontLines[2].split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    // name type(2 words) encoding emb sub uni object ID
    QVERIFY2(columns.size() >= 8, qPrintable(fontLines[2]));
    QCOMPARE(columns[0], QStringLiteral("SohoaGlyphless-Identity-H"));
    QCOMPARE(columns[3], QStringLiteral("Identity-H"));
    QCOMPARE(columns[4], QStringLiteral("yes")); // emb
    QCOMPARE(columns[6], QStringLiteral("yes")); // uni

    // The text layer extracts to exactly the OCR text, diacritics included.
    const ToolResult text =
        run(QStringLiteral("pdftotext"),
            {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf.path, QStringLiteral("-")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.err.isEmpty(), qPrintable(text.err));
    QCOMPARE(folded(text.out), folded(pdf.expectedText));

    // Words sit where the OCR found them: page y from the top, in points.
    const ToolResult bbox =
        run(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), QStringLiteral("-enc"),
                                          QStringLiteral("UTF-8"), pdf.path, QStringLiteral("-")});
    QCOMPARE(bbox.exitCode, 0);
    const QRegularExpression wordPattern(QStringLiteral(
        R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re"));
    const QRegularExpressionMatch first = wordPattern.match(bbox.out);
    QVERIFY2(first.hasMatch(), qPrintable(bbox.out.left(2000)));
    QCOMPARE(first.captured(5), pdf.firstWord.text);
    const double pointsPerPixel = 72.0 / dpi;
    const QRect box = pdf.firstWord.box;
    const double expected[] = {box.left() * pointsPerPixel, box.top() * pointsPerPixel,
                               (box.left() + box.width()) * pointsPerPixel,
                               (box.top() + box.height()) * pointsPerPixel};
    for (int i = 0; i < 4; ++i) {
        const double actual = first.captured(i + 1).toDouble();
        QVERIFY2(qAbs(actual - expected[i]) < 2.0,
                 qPrintable(QStringLiteral("coordinate %1: %2 instead of %3")
                                .arg(i)
                                .arg(actual)
                                .arg(expected[i])));
    }
    // Page size: image pixels / dpi * 72.
    QVERIFY(bbox.out.contains(QStringLiteral(R"(<page width="595.440000" height="842.040000">)")));

    // One image per page, full resolution, gray page 1 and colour page 2, encoded as asked.
    const ToolResult images = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf.path});
    QCOMPARE(images.exitCode, 0);
    QStringList imageLines = images.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(imageLines.size(), 4); // header, rule, two images
    const QStringList expectedColour = {QStringLiteral("gray"), QStringLiteral("rgb")};
    for (int page = 1; page <= 2; ++page) {
        const QStringList cells = imageLines[page + 1].split(
            QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        // page num type width height color comp bpc enc interp object ID x-ppi y-ppi ...
        QVERIFY2(cells.size() >= 14, qPrintable(imageLines[page + 1]));
        QCOMPARE(cells[0], QString::number(page));
        QCOMPARE(cells[2], QStringLiteral("image"));
        QCOMPARE(cells[3], QString::number(a4At200Dpi.width()));
        QCOMPARE(cells[4], QString::number(a4At200Dpi.height()));
        QCOMPARE(cells[5], expectedColour[page - 1]);
        QCOMPARE(cells[7], QStringLiteral("8"));
        QCOMPARE(cells[8], expectedEnc);
        QCOMPARE(cells[12], QString::number(dpi));
        QCOMPARE(cells[13], QString::number(dpi));
    }
}

void TestSearchablePdf::writesDocumentInformation()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const WrittenPdf pdf = writePdf(dir, {}, QStringLiteral("info.pdf"));
    const ToolResult info =
        run(QStringLiteral("pdfinfo"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"),
                                        QStringLiteral("-isodates"), pdf.path});
    QCOMPARE(info.exitCode, 0);
    QVERIFY2(info.out.contains(QStringLiteral("Title:           Quyết định Đăng ký khai sinh\n")),
             qPrintable(info.out));
    QVERIFY2(info.out.contains(QStringLiteral("Producer:        SoHoa ")), qPrintable(info.out));
    QVERIFY2(info.out.contains(QStringLiteral("CreationDate:    2025-05-15T09:30:00+07")),
             qPrintable(info.out));
    QVERIFY(info.out.contains(QStringLiteral("Pages:           2\n")));
    QVERIFY(info.out.contains(QStringLiteral("Encrypted:       no\n")));
    QVERIFY(info.out.contains(QStringLiteral("PDF version:     1.7\n")));

    QFile file(pdf.path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"));
    QVERIFY(bytes.contains("/Lang (vi)"));
    QVERIFY(bytes.contains("/SohoaDossierCode (000.00.21.H08-250515-0001)"));
    QVERIFY(bytes.contains("/ID [<"));
    QVERIFY(!bytes.contains("/Encrypt") && !bytes.contains("/JavaScript") &&
            !bytes.contains("/SMask"));
}

void TestSearchablePdf::textLayerIsInvisibleWithRealSpaces()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const WrittenPdf pdf = writePdf(dir, {}, QStringLiteral("layer.pdf"));
    // qpdf's QDF form has every stream decompressed (and content left as written).
    const QString qdfPath = dir.filePath(QStringLiteral("layer-qdf.pdf"));
    const ToolResult qdf = run(QStringLiteral("qpdf"),
                               {QStringLiteral("--qdf"), QStringLiteral("--object-streams=disable"),
                                QStringLiteral("--normalize-content=n"), pdf.path, qdfPath});
    QVERIFY2(qdf.exitCode == 0, qPrintable(qdf.err));
    QFile file(qdfPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();

    QCOMPARE(bytes.count("\nBT\n3 Tr\n"), 2); // one invisible text object per page
    QCOMPARE(bytes.count("\nET\n"), 2);
    // "CỘNG" as UTF-16 CIDs, then the space that separates it from "HÒA".
    QVERIFY(bytes.contains(" Tm <00431ED8004E00470020> Tj\n"));
    QVERIFY(bytes.contains(" Tz\n"));
    // Supplementary characters go through the private CIDs and explicit ToUnicode entries.
    QVERIFY(bytes.contains("<D800> <D846DE38>"));
    QVERIFY(bytes.contains("/Subtype /CIDFontType2"));
    QVERIFY(bytes.contains("/FontFile2 "));
    QVERIFY(bytes.contains("/CIDToGIDMap "));
}

void TestSearchablePdf::streamsPagesAsTheyAreAdded()
{
    const auto page = firstPage();
    const QImage& image = page.first;
    const ocr::PageText& text = page.second;
    const auto write = [&image, &text](QByteArray& bytes) {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        PdfMetadata meta;
        meta.creationDate = QDateTime(QDate(2025, 5, 15), QTime(9, 30), QTimeZone(7 * 3600));
        SearchablePdfWriter writer(buffer, meta, {ImageEncoding::Lossless, 80});
        writer.addPage(image, dpi, text);
        // The page, its image and its text layer are out before the document is finished;
        // the page tree, which names every page, comes last.
        const qsizetype afterFirstPage = bytes.size();
        const bool pageWritten = bytes.contains("/Type /Page ") &&
                                 bytes.contains("/Subtype /Image") &&
                                 !bytes.contains("/Type /Pages");
        writer.addPage(image, dpi, text);
        const bool secondWritten = bytes.size() > afterFirstPage + 10000;
        writer.finish();
        return pageWritten && secondWritten && afterFirstPage > 10000;
    };
    QByteArray once;
    QByteArray twice;
    QVERIFY(write(once));
    QVERIFY(write(twice));
    QVERIFY(once.contains("/Type /Pages /Kids [5 0 R 8 0 R] /Count 2"));
    // Same input, same bytes: the output is reproducible (the /ID is a digest, not random).
    QVERIFY(once == twice);
}

void TestSearchablePdf::pageWithoutTextIsValid()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    SearchablePdfWriter writer(buffer, {}, {ImageEncoding::Lossless, 80});
    QImage blank(850, 1100, QImage::Format_ARGB32); // alpha is flattened, not carried over
    blank.fill(Qt::transparent);
    writer.addPage(blank, 100, {});
    writer.finish();
    const QString path = dir.filePath(QStringLiteral("blank.pdf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    const ToolResult check = run(QStringLiteral("qpdf"), {QStringLiteral("--check"), path});
    QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
    const ToolResult text = run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(folded(text.out), QString());
    const ToolResult images = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), path});
    QVERIFY2(images.out.contains(QRegularExpression(QStringLiteral("\\s850\\s+1100\\s+gray\\s"))),
             qPrintable(images.out));
}

void TestSearchablePdf::flattensAlphaOntoWhite()
{
    QImage stamp(4, 2, QImage::Format_ARGB32);
    stamp.fill(QColor(255, 0, 0, 128)); // half-transparent red
    const EncodedImage encoded = PdfImageEncoder::encode(stamp, {ImageEncoding::Lossless, 80});
    QVERIFY(!encoded.gray);
    QVERIFY(encoded.dictionaryEntries.contains("/ColorSpace /DeviceRGB"));
    QVERIFY(encoded.dictionaryEntries.contains("/Filter /FlateDecode"));
    // Undo the Flate stream: qUncompress wants the size prefix that the writer strips.
    const QByteArray raw = qUncompress(QByteArray("\x00\x00\x00\x18", 4) + encoded.data);
    QCOMPARE(raw.size(), 4 * 2 * 3);
    for (qsizetype i = 0; i < raw.size(); i += 3) {
        QCOMPARE(static_cast<unsigned char>(raw[i]), 255);
        QVERIFY(qAbs(static_cast<unsigned char>(raw[i + 1]) - 127) <= 1);
        QVERIFY(qAbs(static_cast<unsigned char>(raw[i + 2]) - 127) <= 1);
    }
}

void TestSearchablePdf::lineArtStaysBilevelAndLossless()
{
    // A 1-bit scan with text-like strokes, drawn with both colour-table orders Qt may produce.
    for (const bool inverted : {false, true}) {
        QImage page(1000, 700, QImage::Format_Mono);
        page.setColorTable(inverted ? QList<QRgb>{qRgb(0, 0, 0), qRgb(255, 255, 255)}
                                    : QList<QRgb>{qRgb(255, 255, 255), qRgb(0, 0, 0)});
        page.fill(inverted ? 1 : 0); // white
        QRandomGenerator random(inverted ? 7 : 5);
        for (int i = 0; i < 400; ++i) {
            const int x = random.bounded(980);
            const int y = random.bounded(690);
            for (int dx = 0; dx < 1 + random.bounded(20); ++dx)
                page.setPixel(x + dx, y, inverted ? 0 : 1); // black
        }
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        SearchablePdfWriter writer(buffer, {});
        writer.addPage(page, 100, {});
        writer.finish();
        QVERIFY(bytes.contains("/CCITTFaxDecode"));
        QVERIFY2(bytes.size() < 20000, QByteArray::number(bytes.size()).constData());

        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("lineart.pdf"));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        // Decoded back out of the PDF, every pixel is what was scanned.
        const ToolResult extract =
            run(QStringLiteral("pdfimages"),
                {QStringLiteral("-png"), pdf, dir.filePath(QStringLiteral("back"))});
        QVERIFY2(extract.exitCode == 0, qPrintable(extract.err));
        const QImage back(dir.filePath(QStringLiteral("back-000.png")));
        QCOMPARE(back.size(), page.size());
        int differing = 0;
        for (int y = 0; y < page.height(); ++y)
            for (int x = 0; x < page.width(); ++x)
                differing += (qGray(back.pixel(x, y)) < 128) != (qGray(page.pixel(x, y)) < 128);
        QCOMPARE(differing, 0);
    }
}

void TestSearchablePdf::rejectsInvalidInput()
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    SearchablePdfWriter writer(buffer, {});
    const auto [image, text] = firstPage();

    try {
        writer.addPage(QImage(), dpi, text);
        QFAIL("a null image was accepted");
    } catch (const UserError& error) {
        QCOMPARE(error.kind(), ErrorKind::Processing);
        QVERIFY(!error.message().isEmpty());
    }
    QVERIFY_THROWS_EXCEPTION(UserError, writer.addPage(image, 0, text));
    QVERIFY_THROWS_EXCEPTION(UserError, writer.addPage(image, -300, text));
    QVERIFY_THROWS_EXCEPTION(UserError, writer.addPage(image, 5, text)); // 330 inches tall
    QVERIFY_THROWS_EXCEPTION(UserError, writer.finish());                // no page was accepted

    QBuffer closed;
    QVERIFY_THROWS_EXCEPTION(UserError, SearchablePdfWriter(closed, {}));
}

void TestSearchablePdf::encodesSupplementaryCharactersInPrivateCids()
{
    CidEncoder encoder;
    const std::vector<char16_t> cids = encoder.encode(QStringLiteral("Đ𡨸ư𠊛𡨸"));
    const std::vector<char16_t> expected = {0x0110, 0xD800, 0x01B0, 0xD801, 0xD800};
    QVERIFY(cids == expected);
    QCOMPARE(encoder.supplementaryCharacters().size(), size_t(2));

    // An unpaired surrogate is not text; it becomes U+FFFD rather than a broken mapping.
    const QChar lone[] = {QChar(0xDC00), QChar(u'a')};
    const std::vector<char16_t> replaced = encoder.encode(QStringView(lone, 2));
    QVERIFY((replaced == std::vector<char16_t>{CidEncoder::replacement, u'a'}));

    const QByteArray cmap = encoder.toUnicodeCMap();
    QVERIFY(cmap.contains("<D800> <D846DE38>")); // U+21A38
    QVERIFY(cmap.contains("<D801> <D840DE9B>")); // U+2029B
    QVERIFY(cmap.contains("<0100> <01FF> <0100>"));
    QVERIFY(!cmap.contains("<D800> <D8FF>"));
}

void TestSearchablePdf::glyphlessFontIsWellFormed()
{
    const QByteArray& font = glyphless::trueTypeFont();
    QCOMPARE(readU32(font, 0), std::uint32_t(0x00010000));
    const int numTables =
        (static_cast<unsigned char>(font[4]) << 8) | static_cast<unsigned char>(font[5]);
    QStringList tags;
    for (int i = 0; i < numTables; ++i) {
        const qsizetype record = 12 + 16 * i;
        const QByteArray tag = font.mid(record, 4);
        tags << QString::fromLatin1(tag);
        const std::uint32_t offset = readU32(font, record + 8);
        const std::uint32_t length = readU32(font, record + 12);
        QVERIFY(offset % 4 == 0);
        QVERIFY(offset + length <= std::uint32_t(font.size()));
        std::uint32_t sum = sfntChecksum(font, offset, length);
        if (tag == "head")
            sum -= readU32(font, offset + 8); // checkSumAdjustment is left out of head's sum
        QVERIFY2(sum == readU32(font, record + 4), tag.constData());
    }
    QCOMPARE(tags.join(QLatin1Char(' ')),
             QStringLiteral("OS/2 cmap glyf head hhea hmtx loca maxp name post"));
    QCOMPARE(sfntChecksum(font, 0, font.size()), std::uint32_t(0xB1B0AFBA));

    // FreeType, through Qt, accepts it.
    const QRawFont raw(font, 12);
    QVERIFY(raw.isValid());
    QCOMPARE(raw.familyName(), QStringLiteral("SohoaGlyphless"));
}

QTEST_MAIN(TestSearchablePdf)
#include "test_searchable_pdf.moc"
