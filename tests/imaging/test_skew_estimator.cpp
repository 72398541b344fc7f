// SPDX-License-Identifier: GPL-3.0-or-later
// Skew estimation on rendered Vietnamese pages turned by known angles: mean error within 0.1°.
#include "imaging/SkewEstimator.h"
#include "support/ImagingSamples.h"
#include "support/RenderedPage.h"

#include <QPainter>
#include <QTest>
#include <cmath>

using namespace sohoa;
using sohoa::testing::turnedClockwise;

namespace {
// The page as a scanner would deliver it fed `degrees` clockwise: same size, white corners.
} // namespace

class TestSkewEstimator : public QObject
{
    Q_OBJECT

private slots:
    void meanErrorWithinATenthOfADegree_data()
    {
        QTest::addColumn<int>("dpi");
        QTest::newRow("200 dpi") << 200;
        QTest::newRow("300 dpi") << 300;
    }

    void meanErrorWithinATenthOfADegree()
    {
        QFETCH(int, dpi);
        const testing::RenderedPage page = testing::renderPage(testing::samplePageLines(), dpi);
        const imaging::SkewEstimator estimator;
        double totalError = 0, maxError = 0;
        int count = 0;
        for (const double angle : {0.3, 0.7, 1.5, 3.0, 5.0}) {
            for (const double sign : {1.0, -1.0}) {
                const double skew = sign * angle;
                const imaging::SkewEstimate estimate =
                    estimator.estimate(turnedClockwise(page.image, skew));
                QVERIFY2(estimate.reliable, qPrintable(QString::number(skew)));
                // Turned clockwise by `skew`: straightened by `skew` counter-clockwise.
                const double error = std::abs(estimate.degrees - skew);
                totalError += error;
                maxError = std::max(maxError, error);
                ++count;
            }
        }
        const double mean = totalError / count;
        qInfo("%d dpi: mean error %.3f°, max %.3f°", dpi, mean, maxError);
        QVERIFY(mean <= 0.1);
        QVERIFY(maxError <= 0.25);
    }

    void largeSkewStillFound()
    {
        const testing::RenderedPage page = testing::renderPage(testing::samplePageLines(), 200);
        for (const double skew : {12.0, -12.0}) {
            const auto estimate =
                imaging::SkewEstimator().estimate(turnedClockwise(page.image, skew));
            QVERIFY(estimate.reliable);
            QVERIFY2(std::abs(estimate.degrees - skew) <= 0.3,
                     qPrintable(QString::number(estimate.degrees)));
        }
    }

    void straightPageReadsAsStraight()
    {
        const testing::RenderedPage page = testing::renderPage(testing::samplePageLines(), 300);
        const auto estimate = imaging::SkewEstimator().estimate(page.image);
        QVERIFY(std::abs(estimate.degrees) < 0.05);
    }

    void blankPageIsNotReliable()
    {
        QImage blank(1654, 2339, QImage::Format_Grayscale8);
        blank.fill(245);
        const auto estimate = imaging::SkewEstimator().estimate(blank);
        QVERIFY(!estimate.reliable);
        QCOMPARE(estimate.degrees, 0.0);
    }
};

QTEST_MAIN(TestSkewEstimator)
#include "test_skew_estimator.moc"
