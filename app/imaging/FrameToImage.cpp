// SPDX-License-Identifier: GPL-3.0-or-later
#include "imaging/FrameToImage.h"

#include "domain/UserError.h"

#include <QCoreApplication>
#include <QRgba64>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace sohoa::imaging {

namespace {

constexpr double kInchesPerMetre = 1.0 / 0.0254;

QString tr(const char* text)
{
    return QCoreApplication::translate("sohoa::imaging::FrameToImage", text);
}

QImage::Format targetFormat(const scanner::Frame& frame)
{
    if (frame.format == scanner::Frame::Format::Gray) {
        return frame.depth == 1   ? QImage::Format_Mono
               : frame.depth == 8 ? QImage::Format_Grayscale8
                                  : QImage::Format_Grayscale16;
    }
    return frame.depth == 8 ? QImage::Format_RGB888 : QImage::Format_RGBX64;
}

std::uint16_t sample16(const std::uint8_t* p) noexcept
{
    std::uint16_t v = 0;
    std::memcpy(&v, p, sizeof v);
    return v;
}

} // namespace

QImage toImage(const scanner::Frame& frame)
{
    if (const std::string problem = frame.inconsistency(); !problem.empty()) {
        throw UserError(ErrorKind::Device, tr("The scanner delivered an unusable image (%1).")
                                               .arg(QString::fromStdString(problem)));
    }
    QImage image(frame.width, frame.height, targetFormat(frame));
    if (image.isNull()) {
        throw UserError(ErrorKind::Processing,
                        tr("Not enough memory for a scanned page of %1 × %2 pixels.")
                            .arg(frame.width)
                            .arg(frame.height));
    }
    const std::size_t inStride = static_cast<std::size_t>(frame.bytesPerLine);
    const std::size_t width = static_cast<std::size_t>(frame.width);
    const std::uint8_t* in = frame.pixels.data();

    if (frame.format == scanner::Frame::Format::Rgb && frame.depth == 16) {
        for (int y = 0; y < frame.height; ++y) {
            const std::uint8_t* line = in + static_cast<std::size_t>(y) * inStride;
            auto* out = reinterpret_cast<QRgba64*>(image.scanLine(y));
            for (std::size_t x = 0; x < width; ++x) {
                const std::uint8_t* px = line + x * 6;
                out[x] =
                    QRgba64::fromRgba64(sample16(px), sample16(px + 2), sample16(px + 4), 0xffff);
            }
        }
    } else {
        // Same sample layout on both sides: copy the pixel bytes of each line.
        const std::size_t lineBytes = frame.minBytesPerLine();
        for (int y = 0; y < frame.height; ++y) {
            std::memcpy(image.scanLine(y), in + static_cast<std::size_t>(y) * inStride, lineBytes);
        }
        if (frame.depth == 1) {
            image.setColorTable({qRgb(255, 255, 255), qRgb(0, 0, 0)});
        }
    }
    if (frame.dpi > 0.0) {
        const int dpm = static_cast<int>(std::lround(frame.dpi * kInchesPerMetre));
        image.setDotsPerMeterX(dpm);
        image.setDotsPerMeterY(dpm);
    }
    return image;
}

scanner::Frame fromImage(const QImage& source, double dpi)
{
    scanner::Frame frame;
    frame.dpi = dpi;
    if (source.isNull()) {
        return frame;
    }
    QImage image;
    switch (source.format()) {
    case QImage::Format_Mono:
    case QImage::Format_MonoLSB:
        image = source.convertToFormat(QImage::Format_Mono);
        frame.format = scanner::Frame::Format::Gray;
        frame.depth = 1;
        break;
    case QImage::Format_Grayscale8:
        image = source;
        frame.format = scanner::Frame::Format::Gray;
        frame.depth = 8;
        break;
    case QImage::Format_Grayscale16:
        image = source;
        frame.format = scanner::Frame::Format::Gray;
        frame.depth = 16;
        break;
    case QImage::Format_RGBX64:
    case QImage::Format_RGBA64:
    case QImage::Format_RGBA64_Premultiplied:
        image = source.convertToFormat(QImage::Format_RGBX64);
        frame.format = scanner::Frame::Format::Rgb;
        frame.depth = 16;
        break;
    default:
        image = source.convertToFormat(QImage::Format_RGB888);
        frame.format = scanner::Frame::Format::Rgb;
        frame.depth = 8;
        break;
    }
    frame.width = image.width();
    frame.height = image.height();
    frame.bytesPerLine = static_cast<int>(frame.minBytesPerLine());
    const std::size_t stride = static_cast<std::size_t>(frame.bytesPerLine);
    frame.pixels.resize(stride * static_cast<std::size_t>(frame.height));

    // A mono image's colour table decides which index is dark; SANE wants 1 = black.
    const bool invertBits = frame.depth == 1 && image.colorCount() >= 2 &&
                            qGray(image.color(1)) > qGray(image.color(0));
    for (int y = 0; y < frame.height; ++y) {
        std::uint8_t* out = frame.pixels.data() + static_cast<std::size_t>(y) * stride;
        const uchar* line = image.constScanLine(y);
        if (frame.format == scanner::Frame::Format::Rgb && frame.depth == 16) {
            const auto* px = reinterpret_cast<const QRgba64*>(line);
            for (int x = 0; x < frame.width; ++x) {
                const std::uint16_t rgb[3] = {px[x].red(), px[x].green(), px[x].blue()};
                std::memcpy(out + static_cast<std::size_t>(x) * 6, rgb, sizeof rgb);
            }
        } else {
            std::memcpy(out, line, stride);
            if (invertBits) {
                for (std::size_t i = 0; i < stride; ++i) {
                    out[i] = static_cast<std::uint8_t>(~out[i]);
                }
            }
        }
    }
    return frame;
}

} // namespace sohoa::imaging
