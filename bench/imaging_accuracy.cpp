// SPDX-License-Identifier: GPL-3.0-or-later
// Accuracy and speed of the page imaging steps on generated pages with known truth, printed as
// a Markdown table: deskew error over angles × pages, crop IoU over ID cards on a flatbed,
// blank-page misses and false alarms, and milliseconds per A4 page at 300 dpi for each step.
// Usage: sohoa-bench-imaging [PAGES] [CARDS] [SHEETS]
#include "imaging/BlankPageDetector.h"
#include "imaging/DocumentCropper.h"
#include "imaging/PagePipeline.h"
#include "imaging/SkewEstimator.h"
#include "support/IdCardGenerator.h"
#include "support/ImagingSamples.h"
#include "support/RenderedPage.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>

using namespace sohoa;

namespace {
constexpr int kDpi = 300;

// Milliseconds per call, summed per step.
struct Timings
{
    std::map<QString, std::pair<double, int>> steps;

    template <typename F> auto time(const QString& step, F&& work)
    {
        QElapsedTimer timer;
        timer.start();
        auto result = work();
        auto& [total, count] = steps[step];
        total += static_cast<double>(timer.nsecsElapsed()) / 1e6;
        ++count;
        return result;
    }
};
} // namespace

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int pages = args.size() > 1 ? args[1].toInt() : 3;
    const int cards = args.size() > 2 ? args[2].toInt() : 20;
    const int sheets = args.size() > 3 ? args[3].toInt() : 20;
    QRandomGenerator random(20261123);
    Timings timings;

    // Deskew.
    const QStringList lines = testing::samplePageLines();
    const imaging::SkewEstimator estimator;
    double totalError = 0, maxError = 0;
    int estimates = 0, unreliable = 0;
    for (int p = 0; p < pages; ++p) {
        // Each page starts at a different line, in a different size.
        const qsizetype first = lines.isEmpty() ? 0 : p % lines.size();
        const QStringList shifted = lines.mid(first) + lines.mid(0, first);
        const testing::RenderedPage page = testing::renderPage(shifted, kDpi, 11 + p % 4);
        for (const double angle : {0.3, 0.7, 1.5, 3.0, 5.0, 10.0}) {
            for (const double skew : {angle, -angle}) {
                const QImage turned = testing::turnedClockwise(page.image, skew);
                const auto estimate = timings.time(QStringLiteral("skew estimate"),
                                                   [&] { return estimator.estimate(turned); });
                unreliable += estimate.reliable ? 0 : 1;
                const double error = std::abs(estimate.degrees - skew);
                totalError += error;
                maxError = std::max(maxError, error);
                ++estimates;
                timings.time(QStringLiteral("deskew (rotate, white fill)"), [&] {
                    return imaging::PagePipeline::apply(
                        turned, domain::PageTransform::deskew(estimate.degrees + 0.01));
                });
                timings.time(QStringLiteral("quarter turn"), [&] {
                    return imaging::PagePipeline::apply(turned, domain::PageTransform::rotate(90));
                });
            }
        }
    }

    // Crop.
    const imaging::DocumentCropper cropper;
    double minIou = 1, totalIou = 0;
    int missed = 0;
    for (int c = 0; c < cards; ++c) {
        testing::IdCardStyle style;
        style.dpi = kDpi;
        style.scale = 0.8 + random.generateDouble() * 0.4;
        style.rotationDegrees = random.generateDouble() * 4 - 2;
        style.noiseSigma = random.bounded(8);
        const auto card = testing::renderIdCard(testing::randomIdentity(random), style, random);
        const auto found =
            timings.time(QStringLiteral("crop find"), [&] { return cropper.find(card.image); });
        const double overlap = found ? testing::iou(*found, card.cardBox) : 0.0;
        missed += found ? 0 : 1;
        minIou = std::min(minIou, overlap);
        totalIou += overlap;
    }

    // Blank pages.
    const imaging::BlankPageDetector detector;
    int misses = 0, falseAlarms = 0;
    for (int s = 0; s < sheets; ++s) {
        const QImage empty = testing::emptySheet(kDpi, random);
        const QImage marked = testing::sheetWithOneMark(kDpi, s, random);
        misses +=
            timings.time(QStringLiteral("blank detect"), [&] { return detector.detect(empty); })
                    .blank
                ? 0
                : 1;
        falseAlarms += detector.detect(marked).blank ? 1 : 0;
    }

    std::printf("| Measure | Value |\n|---|---|\n");
    std::printf("| Deskew mean abs. error (%d angles × %d pages, ±0.3…10°) | %.3f° |\n",
                estimates / std::max(1, pages), pages, estimates ? totalError / estimates : 0.0);
    std::printf("| Deskew max abs. error | %.3f° |\n", maxError);
    std::printf("| Deskew unreliable estimates | %d of %d |\n", unreliable, estimates);
    std::printf("| Crop IoU min / mean (%d cards, ±2°, scale 0.8–1.2) | %.4f / %.4f |\n", cards,
                minIou, cards ? totalIou / cards : 0.0);
    std::printf("| Crop: card not found | %d |\n", missed);
    std::printf("| Blank pages missed (of %d) | %d |\n", sheets, misses);
    std::printf("| Marked pages called blank (of %d) | %d |\n", sheets, falseAlarms);
    for (const auto& [step, sum] : timings.steps)
        std::printf("| %s, ms per A4 page at %d dpi | %.1f |\n", qPrintable(step), kDpi,
                    sum.first / sum.second);
    return 0;
}
