// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/RenderedPage.h"

#include <QFile>
#include <QFontDatabase>
#include <QPainter>
#include <cmath>

namespace sohoa::testing {

namespace {
QString serifFamily()
{
    static const QString family = [] {
        const int id = QFontDatabase::addApplicationFont(
            QStringLiteral("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"));
        const QStringList families = QFontDatabase::applicationFontFamilies(id);
        return families.isEmpty() ? QStringLiteral("serif") : families.first();
    }();
    return family;
}
} // namespace

RenderedPage renderPage(const QStringList& lines, int dpi, int pointSize)
{
    const double pixelsPerMm = dpi / 25.4;
    RenderedPage page;
    page.dpi = dpi;
    page.image = QImage(static_cast<int>(std::lround(210 * pixelsPerMm)),
                        static_cast<int>(std::lround(297 * pixelsPerMm)), QImage::Format_RGB888);
    page.image.fill(Qt::white);
    const int dotsPerMeter = static_cast<int>(std::lround(dpi / 0.0254));
    page.image.setDotsPerMeterX(dotsPerMeter);
    page.image.setDotsPerMeterY(dotsPerMeter);

    QFont font(serifFamily());
    font.setPixelSize(static_cast<int>(std::lround(pointSize * dpi / 72.0)));
    QPainter painter(&page.image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setFont(font);
    painter.setPen(Qt::black);
    const QFontMetrics metrics(font);
    const double left = 20 * pixelsPerMm;
    double baseline = 25 * pixelsPerMm + metrics.ascent();
    QStringList truth;
    for (const QString& line : lines) {
        const QString text = line.normalized(QString::NormalizationForm_C);
        painter.drawText(QPointF(left, baseline), text);
        truth << text;
        baseline += metrics.lineSpacing() * 1.5;
    }
    page.truth = truth.join(QLatin1Char('\n'));
    return page;
}

QStringList samplePageLines()
{
    QFile file(QStringLiteral(SOHOA_TEST_DATA_DIR "/vietnamese_page.txt"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool writePnm(const QImage& image, const QString& path)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QStringLiteral("P6\n%1 %2\n255\n").arg(rgb.width()).arg(rgb.height()).toLatin1());
    for (int y = 0; y < rgb.height(); ++y)
        file.write(reinterpret_cast<const char*>(rgb.constScanLine(y)), rgb.width() * 3);
    return file.error() == QFile::NoError;
}

} // namespace sohoa::testing
