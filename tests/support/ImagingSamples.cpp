// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/ImagingSamples.h"

#include "support/RenderedPage.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <array>
#include <cmath>

namespace sohoa::testing {

namespace {
double gaussian(QRandomGenerator& random)
{
    // Box–Muller.
    const double u = std::max(1e-12, random.generateDouble());
    const double v = random.generateDouble();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * M_PI * v);
}

} // namespace

QImage emptySheet(int dpi, QRandomGenerator& random)
{
    const double pxPerMm = dpi / 25.4;
    QImage sheet(static_cast<int>(std::lround(210 * pxPerMm)),
                 static_cast<int>(std::lround(297 * pxPerMm)), QImage::Format_Grayscale8);

    QImage texture(24, 34, QImage::Format_Grayscale8);
    const int paper = 232 + random.bounded(18);
    for (int y = 0; y < texture.height(); ++y)
        for (int x = 0; x < texture.width(); ++x)
            texture.scanLine(y)[x] = static_cast<uchar>(paper - 6 + random.bounded(13));
    sheet = texture.scaled(sheet.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                .convertToFormat(QImage::Format_Grayscale8);
    setDpi(sheet, dpi);

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

QImage turnedClockwise(const QImage& page, double degrees)
{
    QImage out(page.size(), QImage::Format_RGB32);
    out.setDotsPerMeterX(page.dotsPerMeterX());
    out.setDotsPerMeterY(page.dotsPerMeterY());
    out.fill(Qt::white);
    QPainter painter(&out);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.translate(page.width() / 2.0, page.height() / 2.0);
    painter.rotate(degrees);
    painter.translate(-page.width() / 2.0, -page.height() / 2.0);
    painter.drawImage(0, 0, page);
    return out;
}

double iou(const QRect& a, const QRect& b)
{
    const QRect common = a.intersected(b);
    const double shared = static_cast<double>(common.width()) * common.height();
    const double all = static_cast<double>(a.width()) * a.height() +
                       static_cast<double>(b.width()) * b.height() - shared;
    return all > 0 ? shared / all : 0;
}

void setDpi(QImage& image, int dpi)
{
    const int dotsPerMetre = static_cast<int>(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMetre);
    image.setDotsPerMeterY(dotsPerMetre);
}

FlatbedScan sidewaysSkewedSheet(double skew, int dpi, int firstLine, int lineCount)
{
    const RenderedPage page = renderPage(samplePageLines().mid(firstLine, lineCount), dpi);
    QImage lid(page.image.width() * 3 / 2, page.image.height() * 5 / 4, QImage::Format_RGB32);
    setDpi(lid, dpi);
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

QImage blankSheetOnDarkLid(int dpi)
{
    const double pxPerMm = dpi / 25.4;
    QImage scan(static_cast<int>(std::lround(210 * pxPerMm)),
                static_cast<int>(std::lround(297 * pxPerMm)), QImage::Format_Grayscale8);
    setDpi(scan, dpi);
    scan.fill(60);
    QPainter(&scan).fillRect(QRectF(30 * pxPerMm, 28 * pxPerMm, 150 * pxPerMm, 240 * pxPerMm),
                             QColor(245, 245, 245));
    return scan;
}

} // namespace sohoa::testing
