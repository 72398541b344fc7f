// SPDX-License-Identifier: GPL-3.0-or-later
// The recognizer streams pages through the pool's imaging steps and OCR into the PDF: the
// orientation found by OCR turns the page before deskew and crop, blank flags and PDF order
// follow each page's place in the document (a manual duplex batch arrives out of order), and
// only a few pages are in work at any time.
#include "support/ImagingSamples.h"
#include "support/RenderedPage.h"
#include "usecases/DocumentRecognizer.h"

#include <QBuffer>
#include <QPdfDocument>
#include <QTest>
#include <map>

using namespace sohoa;
using Kind = domain::PageTransform::Kind;

namespace {
constexpr int kDpi = 150;

// Remembers what the recognizer reported, and the most pages it ever had in work at once.
class RecordingSink : public usecases::RecognizedPageSink
{
public:
    void pageCaptured(int position, const usecases::CapturedPage& page) override
    {
        QVERIFY(!page.image.isNull());
        capturedOrder.push_back(position);
        ++inWork;
        mostInWork = std::max(mostInWork, inWork);
    }
    void pageRecognized(int position, const ocr::PageResult& result) override
    {
        --inWork;
        recognized[position] = result;
    }

    std::vector<int> capturedOrder;
    std::map<int, ocr::PageResult> recognized;
    int inWork = 0;
    int mostInWork = 0;
};

usecases::CapturedPage capturedFrom(const QImage& image)
{
    return usecases::CapturedPage{image, kDpi, QStringLiteral("test")};
}

QImage textSheet(int firstLine)
{
    return testing::renderPage(testing::samplePageLines().mid(firstLine, 3), kDpi).image;
}
} // namespace

class TestDocumentRecognizer : public QObject
{
    Q_OBJECT

private slots:
    void orientationTurnsThePageBeforeDeskewAndCrop()
    {
        // Sideways and skewed on a grey lid; no one tells the pool which way it lies.
        const testing::FlatbedScan scan = testing::sidewaysSkewedSheet(2.0, kDpi);
        ocr::OcrPool pool(ocr::OcrSettings{}, 1, imaging::PipelineOptions{});
        const ocr::PageResult result = pool.submit(scan.original, kDpi).result.get();

        const auto& transforms = result.page.transforms;
        QCOMPARE(transforms.size(), std::size_t(3));
        QCOMPARE(transforms[0].kind(), Kind::Rotate);
        QCOMPARE(transforms[0].rotationDegrees(), 90);
        QCOMPARE(transforms[1].kind(), Kind::Deskew);
        QVERIFY2(std::abs(transforms[1].deskewDegrees() - 2.0) <= 0.15,
                 qPrintable(transforms[1].toString()));
        QCOMPARE(transforms[2].kind(), Kind::Crop);
        QVERIFY(testing::iou(transforms[2].cropArea(), scan.sheetWhenStraight) >= 0.95);
        // OCR read the cleaned page: upright text, words with boxes inside the cropped image.
        QVERIFY2(result.text.plainText().contains(QStringLiteral("hồ sơ")),
                 qPrintable(result.text.plainText()));
        QCOMPARE(result.page.cleaned.size(), transforms[2].cropArea().size());

        // The same page again comes from the cache with the same cleaned image.
        const ocr::PageResult again = pool.submit(scan.original, kDpi).result.get();
        QCOMPARE(pool.cacheHits(), std::size_t(1));
        QCOMPARE(again.page.cleaned, result.page.cleaned);
    }

    void manualDuplexBatchIsFlaggedAndOrderedByPosition()
    {
        // Three sheets: fronts arrive first (positions 1, 3, 5), then the backs last sheet
        // first (6, 4, 2). Sheet 2's back carries text; the other backs are blank.
        ocr::OcrPool pool(ocr::OcrSettings{}, 2, imaging::PipelineOptions{});
        QByteArray pdf;
        QBuffer out(&pdf);
        out.open(QIODevice::WriteOnly);
        RecordingSink sink;
        const int limit = 2;
        usecases::DocumentRecognizer recognizer(pool, out, pdf::PdfMetadata{}, {}, &sink, limit);
        const std::vector<std::pair<int, QImage>> arrivals = {
            {1, textSheet(0)}, {3, textSheet(3)},
            {5, textSheet(6)}, {6, testing::blankSheetOnDarkLid(kDpi)},
            {4, textSheet(9)}, {2, testing::blankSheetOnDarkLid(kDpi)},
        };
        for (const auto& [position, image] : arrivals)
            recognizer.addPage(capturedFrom(image), position);
        const usecases::RecognitionSummary summary = recognizer.finish();

        QCOMPARE(summary.pages, 6);
        QCOMPARE(summary.blankPositions, (std::vector<int>{2, 6}));
        QCOMPARE(sink.capturedOrder, (std::vector<int>{1, 3, 5, 6, 4, 2}));
        QCOMPARE(sink.recognized.size(), std::size_t(6));
        QVERIFY(!sink.recognized.at(4).page.blank);
        // Never more pages in work than the limit, plus the one being handed over.
        QVERIFY2(sink.mostInWork <= limit + 1, qPrintable(QString::number(sink.mostInWork)));

        // The PDF is in document order, blank backs included (flagged, not dropped).
        QBuffer in(&pdf);
        in.open(QIODevice::ReadOnly);
        QPdfDocument document;
        document.load(&in);
        QCOMPARE(document.pageCount(), 6);
        const QStringList lines = testing::samplePageLines();
        const std::map<int, int> firstLineOfPage = {{0, 0}, {2, 3}, {4, 6}, {3, 9}};
        for (const auto& [page, firstLine] : firstLineOfPage) {
            const QString text = document.getAllText(page).text();
            const QString expected = lines[firstLine].section(QLatin1Char(' '), 0, 1);
            QVERIFY2(
                text.contains(expected),
                qPrintable(QStringLiteral("page %1: %2 / %3").arg(page + 1).arg(expected, text)));
        }
        QVERIFY(document.getAllText(1).text().trimmed().isEmpty());
        QVERIFY(document.getAllText(5).text().trimmed().isEmpty());
    }
};

QTEST_MAIN(TestDocumentRecognizer)
#include "test_document_recognizer.moc"
