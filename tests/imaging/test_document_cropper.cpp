// SPDX-License-Identifier: GPL-3.0-or-later
// Finding the document on a flatbed scan: generated ID cards at several places, sizes and small
// rotations (IoU ≥ 0.95 against the card's box); a sheet on a grey lid; no crop of a full page.
#include "imaging/DocumentCropper.h"
#include "support/IdCardGenerator.h"
#include "support/ImagingSamples.h"
#include "support/RenderedPage.h"

#include <QPainter>
#include <QTest>

using namespace sohoa;
using sohoa::testing::iou;

class TestDocumentCropper : public QObject
{
    Q_OBJECT

private slots:
    void findsTheCardOnTheGlass_data()
    {
        QTest::addColumn<QPointF>("positionMm");
        QTest::addColumn<double>("scale");
        QTest::addColumn<double>("rotation");
        QTest::addColumn<int>("noise");
        QTest::addColumn<int>("dpi");
        QTest::newRow("top left") << QPointF(10, 10) << 1.0 << 0.0 << 0 << 300;
        QTest::newRow("centre, turned +2°") << QPointF(60, 120) << 1.0 << 2.0 << 0 << 300;
        QTest::newRow("bottom right, turned -2°") << QPointF(110, 230) << 1.0 << -2.0 << 0 << 300;
        QTest::newRow("small, noisy") << QPointF(40, 60) << 0.7 << 1.0 << 6 << 300;
        QTest::newRow("large, 200 dpi") << QPointF(20, 150) << 1.3 << -1.0 << 4 << 200;
        QTest::newRow("touching the edge") << QPointF(0, 40) << 1.0 << 0.0 << 0 << 200;
    }

    void findsTheCardOnTheGlass()
    {
        QFETCH(QPointF, positionMm);
        QFETCH(double, scale);
        QFETCH(double, rotation);
        QFETCH(int, noise);
        QFETCH(int, dpi);
        QRandomGenerator random(7);
        testing::IdCardStyle style;
        style.dpi = dpi;
        style.positionMm = positionMm;
        style.scale = scale;
        style.rotationDegrees = rotation;
        style.noiseSigma = noise;
        const testing::GeneratedCard card =
            testing::renderIdCard(testing::randomIdentity(random), style, random);
        const auto found = imaging::DocumentCropper().find(card.image);
        QVERIFY(found.has_value());
        const double overlap = iou(*found, card.cardBox);
        qInfo("IoU %.4f", overlap);
        QVERIFY2(overlap >= 0.95, qPrintable(QString::number(overlap)));
    }

    void findsASheetOnAGreyLid()
    {
        const testing::RenderedPage page =
            testing::renderPage(testing::samplePageLines().mid(0, 6), 100);
        QImage scan(page.image.width() + 300, page.image.height() + 200, QImage::Format_RGB32);
        scan.setDotsPerMeterX(page.image.dotsPerMeterX());
        scan.setDotsPerMeterY(page.image.dotsPerMeterY());
        scan.fill(QColor(150, 150, 150));
        const QRect sheet(QPoint(120, 60), page.image.size());
        QPainter(&scan).drawImage(sheet.topLeft(), page.image);
        const auto found = imaging::DocumentCropper().find(scan);
        QVERIFY(found.has_value());
        QVERIFY2(iou(*found, sheet) >= 0.98, qPrintable(QString::number(iou(*found, sheet))));
    }

    void fullPageIsNotCropped()
    {
        const testing::RenderedPage page = testing::renderPage(testing::samplePageLines(), 200);
        const auto found = imaging::DocumentCropper().find(page.image);
        QVERIFY(!found || iou(*found, page.image.rect()) >= 0.95);
    }

    void emptyGlassIsNotCropped()
    {
        QImage glass(827, 1169, QImage::Format_RGB32); // A4 at 100 dpi
        glass.fill(Qt::white);
        QVERIFY(!imaging::DocumentCropper().find(glass));
    }
};

QTEST_MAIN(TestDocumentCropper)
#include "test_document_cropper.moc"
