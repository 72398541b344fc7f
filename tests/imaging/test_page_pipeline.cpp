// SPDX-License-Identifier: GPL-3.0-or-later
// The page pipeline: rotation, then deskew, then crop, then blank detection, each recorded as a
// transform that replays on the untouched original.
#include "imaging/PagePipeline.h"
#include "support/ImagingSamples.h"
#include "support/RenderedPage.h"

#include <QTest>
#include <cmath>

using namespace sohoa;
using Kind = domain::PageTransform::Kind;
using sohoa::testing::FlatbedScan;
using sohoa::testing::iou;
using sohoa::testing::setDpi;

namespace {
constexpr int kDpi = 150;

} // namespace

class TestPagePipeline : public QObject
{
    Q_OBJECT

private slots:
    void stepsRunInOrder()
    {
        const FlatbedScan scan = testing::sidewaysSkewedSheet(2.0, kDpi);
        const imaging::CleanedPage page = imaging::PagePipeline().process(scan.original, 90);

        QCOMPARE(page.transforms.size(), size_t(3));
        QCOMPARE(page.transforms[0].kind(), Kind::Rotate);
        QCOMPARE(page.transforms[0].rotationDegrees(), 90);
        QCOMPARE(page.transforms[1].kind(), Kind::Deskew);
        QVERIFY2(std::abs(page.transforms[1].deskewDegrees() - 2.0) <= 0.15,
                 qPrintable(page.transforms[1].toString()));
        QCOMPARE(page.transforms[2].kind(), Kind::Crop);
        // In deskewed coordinates: the sheet back where it was before it was turned.
        const double overlap = iou(page.transforms[2].cropArea(), scan.sheetWhenStraight);
        QVERIFY2(overlap >= 0.95, qPrintable(page.transforms[2].toString()));
        QVERIFY(!page.blank);
    }

    void replayReproducesTheCleanedPage()
    {
        const FlatbedScan scan = testing::sidewaysSkewedSheet(-1.5, kDpi);
        const imaging::CleanedPage page = imaging::PagePipeline().process(scan.original, 90);
        QCOMPARE(page.transforms.size(), size_t(3));
        QCOMPARE(imaging::PagePipeline::apply(scan.original, page.transforms), page.cleaned);

        // Undo is dropping a transform: without the crop the page keeps the lid around it.
        std::vector<domain::PageTransform> withoutCrop(page.transforms.begin(),
                                                       page.transforms.end() - 1);
        const QImage uncropped = imaging::PagePipeline::apply(scan.original, withoutCrop);
        QCOMPARE(uncropped.size(), scan.original.size().transposed());
        // The stored text form round-trips into the same image.
        std::vector<domain::PageTransform> parsed;
        for (const auto& transform : page.transforms)
            parsed.push_back(domain::PageTransform::parse(transform.toString()));
        QCOMPARE(imaging::PagePipeline::apply(scan.original, parsed), page.cleaned);
    }

    void deskewFillsWithWhiteAndKeepsDpi()
    {
        const FlatbedScan scan = testing::sidewaysSkewedSheet(3.0, kDpi);
        const QImage turned =
            imaging::PagePipeline::apply(scan.original, domain::PageTransform::deskew(3.0));
        QVERIFY(!turned.hasAlphaChannel());
        QCOMPARE(turned.size(), scan.original.size());
        QCOMPARE(turned.dotsPerMeterX(), scan.original.dotsPerMeterX());
        QCOMPARE(turned.pixelColor(0, 0), QColor(Qt::white));
    }

    void blankDetectionRunsOnTheCroppedPage()
    {
        const QImage scan = testing::blankSheetOnDarkLid(kDpi);
        // The dark border alone reads as ink: detecting before the crop would keep the page.
        imaging::PipelineOptions noCrop;
        noCrop.crop = false;
        QVERIFY(!imaging::PagePipeline(noCrop).process(scan).blank);

        const imaging::CleanedPage page = imaging::PagePipeline().process(scan);
        QCOMPARE(page.transforms.size(), size_t(1));
        QCOMPARE(page.transforms[0].kind(), Kind::Crop);
        QVERIFY(page.blank);
        QVERIFY(page.blankScore <= imaging::BlankOptions().maxInkCoverage);
    }

    void straightFullPageIsLeftAlone()
    {
        const testing::RenderedPage page = testing::renderPage(testing::samplePageLines(), kDpi);
        const imaging::CleanedPage cleaned = imaging::PagePipeline().process(page.image);
        QVERIFY(cleaned.transforms.empty());
        QCOMPARE(cleaned.cleaned, page.image);
        QVERIFY(!cleaned.blank);
    }
};

QTEST_MAIN(TestPagePipeline)
#include "test_page_pipeline.moc"
