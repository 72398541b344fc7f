// SPDX-License-Identifier: GPL-3.0-or-later
#include "imaging/PagePipeline.h"

#include <QPainter>
#include <QTransform>
#include <cmath>

namespace sohoa::imaging {

namespace {

// Painting needs a format QPainter draws on; grey pages stay grey, everything else becomes RGB.
QImage paintable(const QImage& image)
{
    switch (image.format()) {
    case QImage::Format_Mono:
    case QImage::Format_MonoLSB:
    case QImage::Format_Grayscale8:
    case QImage::Format_Grayscale16:
        return image.convertToFormat(QImage::Format_Grayscale8);
    default:
        return image.convertToFormat(QImage::Format_RGB32);
    }
}

// Qt turns clockwise for positive angles (y points down).
QTransform deskewMatrix(QSize size, double degreesCounterClockwise)
{
    const QPointF centre(size.width() / 2.0, size.height() / 2.0);
    return QTransform()
        .translate(centre.x(), centre.y())
        .rotate(-degreesCounterClockwise)
        .translate(-centre.x(), -centre.y());
}

// Where the scanned pixels land after deskew; the rest is fill.
QPolygonF deskewedOutline(QSize size, double degreesCounterClockwise)
{
    return deskewMatrix(size, degreesCounterClockwise).map(QPolygonF(QRectF(QPointF(0, 0), size)));
}

QImage deskewed(const QImage& image, double degreesCounterClockwise)
{
    const QImage source = paintable(image);
    QImage out(source.size(), source.format());
    out.setDotsPerMeterX(image.dotsPerMeterX());
    out.setDotsPerMeterY(image.dotsPerMeterY());
    out.fill(Qt::white);
    QPainter painter(&out);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setTransform(deskewMatrix(source.size(), degreesCounterClockwise));
    painter.drawImage(QPointF(0, 0), source);
    painter.end();
    return out;
}

} // namespace

PagePipeline::PagePipeline(PipelineOptions options) : options_(options) {}

QImage PagePipeline::apply(const QImage& image, const domain::PageTransform& transform)
{
    switch (transform.kind()) {
    case domain::PageTransform::Kind::Rotate:
        // Exact quarter turns: Qt moves pixels without resampling.
        return image.transformed(QTransform().rotate(transform.rotationDegrees()));
    case domain::PageTransform::Kind::Deskew:
        return deskewed(image, transform.deskewDegrees());
    case domain::PageTransform::Kind::Crop:
        return image.copy(transform.cropArea().intersected(image.rect()));
    }
    return image;
}

QImage PagePipeline::apply(const QImage& original,
                           const std::vector<domain::PageTransform>& transforms)
{
    QImage image = original;
    for (const domain::PageTransform& transform : transforms)
        image = apply(image, transform);
    return image;
}

CleanedPage PagePipeline::process(const QImage& original, int rotationClockwise) const
{
    CleanedPage page;
    page.cleaned = original;
    const auto record = [&page](const domain::PageTransform& transform) {
        page.cleaned = apply(page.cleaned, transform);
        page.transforms.push_back(transform);
    };

    if (rotationClockwise % 360 != 0)
        record(domain::PageTransform::rotate(rotationClockwise));

    QPolygonF scanned; // empty: the whole page was scanned
    if (options_.deskew) {
        const SkewEstimate skew = SkewEstimator(options_.skew).estimate(page.cleaned);
        if (skew.reliable && std::abs(skew.degrees) >= options_.minDeskewDegrees) {
            const auto transform = domain::PageTransform::deskew(skew.degrees);
            scanned = deskewedOutline(page.cleaned.size(), transform.deskewDegrees());
            record(transform);
        }
    }

    if (options_.crop) {
        if (const auto area = DocumentCropper(options_.cropping).find(page.cleaned, scanned))
            record(domain::PageTransform::crop(*area));
    }

    if (options_.detectBlank) {
        const BlankVerdict verdict = BlankPageDetector(options_.blank).detect(page.cleaned);
        page.blank = verdict.blank;
        page.blankScore = verdict.score;
    }
    return page;
}

} // namespace sohoa::imaging
