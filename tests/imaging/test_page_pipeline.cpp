// SPDX-License-Identifier: GPL-3.0-or-later
// The page pipeline: rotation, then deskew, then crop, then blank detection, each recorded as a
// transform that replays on the untouched original.
#include "imaging/PagePipeline.h"
#include "support/ImagingSamples.h"
#include "support/RenderedPage.h"

#include <QPainter>
#include <QTest>
#include <cmath>

using namespace sohoa;
using Kind = domain::PageTransform::Kind;
using sohoa::testing::iou;
using sohoa::testing::setDpi;

namespace {
constexpr int kDpi = 150;

struct FlatbedScan
{
    QImage original;
    QRect sheetWhenStraight; // where the sheet lies once rotated and deskewed
};

// A text page on a grey lid larger than the page, turned `skew` degrees clockwise on the glass,
// and the whole scan delivered a quarter turn counter-clockwise (the page lay sideways).
FlatbedScan sidewaysSkewedSheet(double skew)
{
    const testing::RenderedPage page =
        testing::renderPage(testing::samplePageLines().mid(0, 14), kDpi);
    QImage lid(page.image.width() * 3 / 2, page.image.height() * 5 / 4, QImage::Format_RGB32);
    setDpi(lid, kDpi);
    lid.fill(QColor(170, 170, 170));
    const QRect sheet(
        QPoint((lid.width() - page.image.width()) / 2, (lid.height() - page.image.height()) / 2),
        page.image.size());
    QPainter painter(&lid);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.translate(lid.width() / 2.0, lid.height() / 2.0);
    painter.rotate(skew);
    painter.translate(-lid.width() / 2.0, -lid.height() / 2.0);
    painter.drawImage(sheet.topLeft(), page.image);
    painter.end();
    return {lid.transformed(QTransform().rotate(-90)), sheet};
}

// A blank sheet lying on a dark lid with a wide dark border around it: only the crop removes
// the border, so blank detection is right only after cropping.
QImage blankSheetOnDarkLid()
{
    const double pxPerMm = kDpi / 25.4;
    QImage scan(static_cast<int>(std::lround(210 * pxPerMm)),
                static_cast<int>(std::lround(297 * pxPerMm)), QImage::Format_Grayscale8);
    setDpi(scan, kDpi);
    scan.fill(60);
    QPainter(&scan).fillRect(QRectF(30 * pxPerMm, 28 * pxPerMm, 150 * pxPerMm, 240 * pxPerMm),
                             QColor(245, 245, 245));
    return scan;
}
} // namespace

class TestPagePipeline : public QObject
{
    Q_OBJECT

private slots:
    void stepsRunInOrder()
    {
        const FlatbedScan scan = sidewaysSkewedSheet(2.0);
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
        const FlatbedScan scan = sidewaysSkewedSheet(-1.5);
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
        const FlatbedScan scan = sidewaysSkewedSheet(3.0);
        const QImage turned =
            imaging::PagePipeline::apply(scan.original, domain::PageTransform::deskew(3.0));
        QVERIFY(!turned.hasAlphaChannel());
        QCOMPARE(turned.size(), scan.original.size());
        QCOMPARE(turned.dotsPerMeterX(), scan.original.dotsPerMeterX());
        QCOMPARE(turned.pixelColor(0, 0), QColor(Qt::white));
    }

    void blankDetectionRunsOnTheCroppedPage()
    {
        const QImage scan = blankSheetOnDarkLid();
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
