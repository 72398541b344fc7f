// SPDX-License-Identifier: GPL-3.0-or-later
// Blank-page detection on scanner-like sheets: every blank sheet with noise, specks, paper
// texture and an edge shadow is flagged; no sheet with one short line of writing is.
#include "imaging/BlankPageDetector.h"

#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>
#include <QTest>
#include <array>
#include <cmath>

using namespace sohoa;

namespace {
constexpr int kSeed = 20261123;
constexpr int kSheets = 12;

double gaussian(QRandomGenerator& random)
{
    // Box–Muller.
    const double u = std::max(1e-12, random.generateDouble());
    const double v = random.generateDouble();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * M_PI * v);
}

// An empty A4 sheet as a feeder delivers it: paper tone with a faint texture, a dark line along
// one edge, dust specks, then Gaussian noise over everything.
QImage emptySheet(int dpi, QRandomGenerator& random)
{
    const double pxPerMm = dpi / 25.4;
    QImage sheet(static_cast<int>(std::lround(210 * pxPerMm)),
                 static_cast<int>(std::lround(297 * pxPerMm)), QImage::Format_Grayscale8);
    const int dotsPerMetre = static_cast<int>(std::lround(dpi / 0.0254));
    sheet.setDotsPerMeterX(dotsPerMetre);
    sheet.setDotsPerMeterY(dotsPerMetre);

    QImage texture(24, 34, QImage::Format_Grayscale8);
    const int paper = 232 + random.bounded(18);
    for (int y = 0; y < texture.height(); ++y)
        for (int x = 0; x < texture.width(); ++x)
            texture.scanLine(y)[x] = static_cast<uchar>(paper - 6 + random.bounded(13));
    sheet = texture.scaled(sheet.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                .convertToFormat(QImage::Format_Grayscale8);
    sheet.setDotsPerMeterX(dotsPerMetre);
    sheet.setDotsPerMeterY(dotsPerMetre);

    QPainter painter(&sheet);
    painter.setRenderHint(QPainter::Antialiasing);
    const double shadow = (1 + random.generateDouble() * 3) * pxPerMm;
    const double offset = random.generateDouble() * 2 * pxPerMm;
    switch (random.bounded(4)) {
    case 0:
        painter.fillRect(QRectF(offset, 0, shadow, sheet.height()), QColor(40, 40, 40));
        break;
    case 1:
        painter.fillRect(QRectF(sheet.width() - offset - shadow, 0, shadow, sheet.height()),
                         QColor(40, 40, 40));
        break;
    case 2:
        painter.fillRect(QRectF(0, offset, sheet.width(), shadow), QColor(40, 40, 40));
        break;
    default:
        painter.fillRect(QRectF(0, sheet.height() - offset - shadow, sheet.width(), shadow),
                         QColor(40, 40, 40));
    }
    painter.setPen(Qt::NoPen);
    for (int i = 0, specks = 20 + random.bounded(40); i < specks; ++i) {
        const double radius = (0.05 + random.generateDouble() * 0.25) * pxPerMm;
        painter.setBrush(QColor::fromRgb(0, 0, 0).lighter(100 + random.bounded(100)));
        painter.drawEllipse(QPointF(random.bounded(sheet.width()), random.bounded(sheet.height())),
                            radius, radius);
    }
    painter.end();

    // Drawn from a table of Gaussian offsets: per-pixel Box–Muller is too slow in Debug builds.
    const double sigma = 4 + random.generateDouble() * 8;
    std::array<int, 4096> offsets{};
    for (int& noise : offsets)
        noise = static_cast<int>(std::lround(sigma * gaussian(random)));
    for (int y = 0; y < sheet.height(); ++y) {
        uchar* line = sheet.scanLine(y);
        for (int x = 0; x < sheet.width(); ++x)
            line[x] = static_cast<uchar>(
                std::clamp(line[x] + offsets[random.generate() & 4095u], 0, 255));
    }
    return sheet;
}

// The same sheet with one short mark: a page number or a single signature-like stroke, drawn
// before the noise so that it is scanned like the paper.
QImage sheetWithOneMark(int dpi, int index, QRandomGenerator& random)
{
    QImage sheet = emptySheet(dpi, random);
    const double pxPerMm = dpi / 25.4;
    QPainter painter(&sheet);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPointF at((25 + random.generateDouble() * 140) * pxPerMm,
                     (25 + random.generateDouble() * 240) * pxPerMm);
    if (index % 2 == 0) {
        QFont font(QStringLiteral("Liberation Serif"));
        font.setPixelSize(static_cast<int>(std::lround((10 + random.bounded(4)) * dpi / 72.0)));
        painter.setFont(font);
        painter.setPen(QColor(30, 30, 30));
        painter.drawText(at, index % 4 == 0 ? QStringLiteral("Trang 2") : QStringLiteral("- 3 -"));
    } else {
        QPainterPath stroke(at);
        const double length = (20 + random.generateDouble() * 25) * pxPerMm;
        stroke.cubicTo(at + QPointF(length / 3, -6 * pxPerMm),
                       at + QPointF(2 * length / 3, 6 * pxPerMm),
                       at + QPointF(length, -2 * pxPerMm));
        painter.setPen(QPen(QColor(20, 40, 120), (0.3 + random.generateDouble() * 0.3) * pxPerMm,
                            Qt::SolidLine, Qt::RoundCap));
        painter.drawPath(stroke);
    }
    return sheet;
}

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
