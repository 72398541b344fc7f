// SPDX-License-Identifier: GPL-3.0-or-later
// Blank-page detection on scanner-like sheets: every blank sheet with noise, specks, paper
// texture and an edge shadow is flagged; no sheet with one short line of writing is.
#include "imaging/BlankPageDetector.h"
#include "support/ImagingSamples.h"

#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>
#include <QTest>
#include <array>
#include <cmath>

using namespace sohoa;
using namespace sohoa::testing;

namespace {
constexpr int kSeed = 20261123;
constexpr int kSheets = 12;

int dpiFor(int index)
{
    return index % 3 == 0 ? 300 : index % 3 == 1 ? 200 : 150;
}
} // namespace

class TestBlankPageDetector : public QObject
{
    Q_OBJECT

private slots:
    void everyEmptySheetIsBlank()
    {
        QRandomGenerator random(kSeed);
        const imaging::BlankPageDetector detector;
        double worst = 0;
        for (int i = 0; i < kSheets; ++i) {
            const imaging::BlankVerdict verdict = detector.detect(emptySheet(dpiFor(i), random));
            worst = std::max(worst, verdict.score);
            QVERIFY2(verdict.blank,
                     qPrintable(QStringLiteral("sheet %1: score %2").arg(i).arg(verdict.score)));
        }
        qInfo("highest score of an empty sheet: %.6f", worst);
    }

    void noSheetWithOneMarkIsBlank()
    {
        QRandomGenerator random(kSeed + 1);
        const imaging::BlankPageDetector detector;
        double lowest = 1;
        for (int i = 0; i < kSheets; ++i) {
            const imaging::BlankVerdict verdict =
                detector.detect(sheetWithOneMark(dpiFor(i), i, random));
            lowest = std::min(lowest, verdict.score);
            QVERIFY2(!verdict.blank,
                     qPrintable(QStringLiteral("sheet %1: score %2").arg(i).arg(verdict.score)));
        }
        qInfo("lowest score of a marked sheet: %.6f", lowest);
    }

    void thresholdIsConfigurable()
    {
        QRandomGenerator random(kSeed + 2);
        const QImage marked = sheetWithOneMark(150, 0, random);
        imaging::BlankOptions lenient;
        lenient.maxInkCoverage = 0.01;
        QVERIFY(imaging::BlankPageDetector(lenient).detect(marked).blank);
        QVERIFY(!imaging::BlankPageDetector().detect(marked).blank);
    }

    void edgeShadowInsideTheMarginIsIgnored()
    {
        QImage sheet(1240, 1754, QImage::Format_Grayscale8); // A4 at 150 dpi
        sheet.setDotsPerMeterX(5906);
        sheet.setDotsPerMeterY(5906);
        sheet.fill(240);
        QPainter(&sheet).fillRect(QRect(0, 0, 30, sheet.height()), Qt::black); // 5 mm
        QVERIFY(imaging::BlankPageDetector().detect(sheet).blank);
        imaging::BlankOptions noMargin;
        noMargin.marginMm = 0;
        QVERIFY(!imaging::BlankPageDetector(noMargin).detect(sheet).blank);
    }
};

QTEST_MAIN(TestBlankPageDetector)
#include "test_blank_page_detector.moc"
