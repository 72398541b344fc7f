// SPDX-License-Identifier: GPL-3.0-or-later
// Frame -> QImage for every frame kind the scanner layer produces, and back.

#include "domain/UserError.h"
#include "imaging/FrameToImage.h"
#include "scanner/ScanTypes.h"

#include <QRgba64>
#include <QTest>
#include <cstdint>
#include <cstring>
#include <vector>

using sohoa::ErrorKind;
using sohoa::UserError;
using sohoa::imaging::fromImage;
using sohoa::imaging::toImage;
using sohoa::scanner::Frame;

namespace {

Frame makeFrame(Frame::Format format, int width, int height, int depth, int bytesPerLine,
                double dpi = 300.0)
{
    Frame f;
    f.format = format;
    f.width = width;
    f.height = height;
    f.depth = depth;
    f.bytesPerLine = bytesPerLine;
    f.dpi = dpi;
    // Padding bytes get a marker value that must never show up in the image.
    f.pixels.assign(static_cast<std::size_t>(bytesPerLine) * static_cast<std::size_t>(height),
                    0xA5);
    return f;
}

std::uint8_t* at(Frame& f, int x, int y, int sampleBytes)
{
    return f.pixels.data() +
           static_cast<std::size_t>(y) * static_cast<std::size_t>(f.bytesPerLine) +
           static_cast<std::size_t>(x) * static_cast<std::size_t>(sampleBytes);
}

void put16(std::uint8_t* p, std::uint16_t v)
{
    std::memcpy(p, &v, sizeof v); // host byte order, as SANE delivers it
}

ErrorKind kindOf(const Frame& f)
{
    try {
        (void)toImage(f);
    } catch (const UserError& e) {
        return e.kind();
    }
    return ErrorKind::Usage; // "no error" marker for the comparisons below
}

} // namespace

class TestFrameToImage : public QObject
{
    Q_OBJECT

private slots:
    void rgb8()
    {
        Frame f = makeFrame(Frame::Format::Rgb, 5, 3, 8, 5 * 3 + 4);
        for (int y = 0; y < 3; ++y) {
            for (int x = 0; x < 5; ++x) {
                std::uint8_t* p = at(f, x, y, 3);
                p[0] = static_cast<std::uint8_t>(x * 50);
                p[1] = static_cast<std::uint8_t>(y * 100);
                p[2] = static_cast<std::uint8_t>(x + y);
            }
        }
        const QImage img = toImage(f);
        QCOMPARE(img.format(), QImage::Format_RGB888);
        QCOMPARE(img.size(), QSize(5, 3));
        for (int y = 0; y < 3; ++y) {
            for (int x = 0; x < 5; ++x) {
                QCOMPARE(img.pixel(x, y), qRgb(x * 50, y * 100, x + y));
            }
        }
        QCOMPARE(img.dotsPerMeterX(), 11811); // 300 dpi
        QCOMPARE(img.dotsPerMeterY(), 11811);
    }

    void gray8()
    {
        Frame f = makeFrame(Frame::Format::Gray, 7, 2, 8, 8);
        for (int y = 0; y < 2; ++y) {
            for (int x = 0; x < 7; ++x) {
                *at(f, x, y, 1) = static_cast<std::uint8_t>(x * 30 + y);
            }
        }
        const QImage img = toImage(f);
        QCOMPARE(img.format(), QImage::Format_Grayscale8);
        for (int y = 0; y < 2; ++y) {
            for (int x = 0; x < 7; ++x) {
                QCOMPARE(img.constScanLine(y)[x], static_cast<uchar>(x * 30 + y));
            }
        }
    }

    void gray16()
    {
        Frame f = makeFrame(Frame::Format::Gray, 3, 2, 16, 3 * 2 + 2);
        for (int y = 0; y < 2; ++y) {
            for (int x = 0; x < 3; ++x) {
                put16(at(f, x, y, 2), static_cast<std::uint16_t>(0x1234 * (x + 1) + y));
            }
        }
        const QImage img = toImage(f);
        QCOMPARE(img.format(), QImage::Format_Grayscale16);
        for (int y = 0; y < 2; ++y) {
            const auto* line = reinterpret_cast<const quint16*>(img.constScanLine(y));
            for (int x = 0; x < 3; ++x) {
                QCOMPARE(line[x], static_cast<quint16>(0x1234 * (x + 1) + y));
            }
        }
    }

    void rgb16()
    {
        Frame f = makeFrame(Frame::Format::Rgb, 2, 2, 16, 2 * 6);
        for (int y = 0; y < 2; ++y) {
            for (int x = 0; x < 2; ++x) {
                std::uint8_t* p = at(f, x, y, 6);
                put16(p, static_cast<std::uint16_t>(1000 + x));
                put16(p + 2, static_cast<std::uint16_t>(40000 + y));
                put16(p + 4, 65535);
            }
        }
        const QImage img = toImage(f);
        QCOMPARE(img.format(), QImage::Format_RGBX64);
        for (int y = 0; y < 2; ++y) {
            for (int x = 0; x < 2; ++x) {
                const QRgba64 c = img.pixelColor(x, y).rgba64();
                QCOMPARE(c.red(), static_cast<quint16>(1000 + x));
                QCOMPARE(c.green(), static_cast<quint16>(40000 + y));
                QCOMPARE(c.blue(), static_cast<quint16>(65535));
                QCOMPARE(c.alpha(), static_cast<quint16>(65535));
            }
        }
    }

    void lineart()
    {
        // 10 pixels: 2 bytes of bits per line, plus one padding byte. SANE: 1 = black.
        Frame f = makeFrame(Frame::Format::Gray, 10, 2, 1, 3, 200.0);
        f.pixels = {0b10110000, 0b01000000, 0xA5, //
                    0b00000000, 0b11111111, 0xA5};
        const QImage img = toImage(f);
        QCOMPARE(img.format(), QImage::Format_Mono);
        const QRgb black = qRgb(0, 0, 0);
        const QRgb white = qRgb(255, 255, 255);
        const bool expected[2][10] = {
            {true, false, true, true, false, false, false, false, false, true},
            {false, false, false, false, false, false, false, false, true, true}};
        for (int y = 0; y < 2; ++y) {
            for (int x = 0; x < 10; ++x) {
                QCOMPARE(img.pixel(x, y), expected[y][x] ? black : white);
            }
        }
        QCOMPARE(img.dotsPerMeterX(), 7874); // 200 dpi
    }

    void unknownDpiLeavesQtDefault()
    {
        Frame f = makeFrame(Frame::Format::Gray, 1, 1, 8, 1, 0.0);
        const QImage reference(1, 1, QImage::Format_Grayscale8);
        QCOMPARE(toImage(f).dotsPerMeterX(), reference.dotsPerMeterX());
    }

    void impossibleFramesThrowDeviceErrors()
    {
        QCOMPARE(kindOf(makeFrame(Frame::Format::Gray, 0, 1, 8, 1)), ErrorKind::Device);
        QCOMPARE(kindOf(makeFrame(Frame::Format::Gray, 1, 0, 8, 1)), ErrorKind::Device);
        QCOMPARE(kindOf(makeFrame(Frame::Format::Gray, 4, 1, 4, 2)), ErrorKind::Device);
        QCOMPARE(kindOf(makeFrame(Frame::Format::Rgb, 8, 1, 1, 3)), ErrorKind::Device);
        QCOMPARE(kindOf(makeFrame(Frame::Format::Rgb, 4, 2, 8, 11)), ErrorKind::Device);
        Frame shortBuffer = makeFrame(Frame::Format::Gray, 4, 4, 8, 4);
        shortBuffer.pixels.resize(15);
        QCOMPARE(kindOf(shortBuffer), ErrorKind::Device);
        QCOMPARE(kindOf(makeFrame(Frame::Format::Gray, 4, 4, 8, 4)), ErrorKind::Usage); // fine
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("rgb888") << int(QImage::Format_RGB888);
        QTest::newRow("rgb32") << int(QImage::Format_RGB32);
        QTest::newRow("gray8") << int(QImage::Format_Grayscale8);
        QTest::newRow("gray16") << int(QImage::Format_Grayscale16);
        QTest::newRow("rgbx64") << int(QImage::Format_RGBX64);
        QTest::newRow("mono") << int(QImage::Format_Mono);
    }

    void roundTrip()
    {
        QFETCH(int, format);
        const auto fmt = static_cast<QImage::Format>(format);
        QImage img(13, 5, fmt);
        if (fmt == QImage::Format_Mono) {
            img.setColorTable({qRgb(255, 255, 255), qRgb(0, 0, 0)});
        }
        for (int y = 0; y < img.height(); ++y) {
            for (int x = 0; x < img.width(); ++x) {
                const int v = (x * 19 + y * 41) % 256;
                if (fmt == QImage::Format_Mono) {
                    img.setPixel(x, y, (x + y) % 3 == 0 ? 1u : 0u);
                } else {
                    img.setPixelColor(x, y, QColor(v, (v * 7) % 256, 255 - v));
                }
            }
        }
        const Frame f = fromImage(img, 150.0);
        QVERIFY(f.inconsistency().empty());
        QCOMPARE(f.dpi, 150.0);
        const QImage back = toImage(f);
        QCOMPARE(back.size(), img.size());
        for (int y = 0; y < img.height(); ++y) {
            for (int x = 0; x < img.width(); ++x) {
                QCOMPARE(back.pixelColor(x, y).rgba64(), img.pixelColor(x, y).rgba64());
            }
        }
    }

    void monoWithDarkZeroIsNormalised()
    {
        // Index 0 = black here; the frame must still say 1 = black.
        QImage img(8, 1, QImage::Format_Mono);
        img.setColorTable({qRgb(0, 0, 0), qRgb(255, 255, 255)});
        img.fill(1u);           // all white
        img.setPixel(2, 0, 0u); // one black pixel
        const Frame f = fromImage(img, 300.0);
        QCOMPARE(f.depth, 1);
        QCOMPARE(int(f.pixels.at(0)), 0b00100000);
        QCOMPARE(toImage(f).pixel(2, 0), qRgb(0, 0, 0));
        QCOMPARE(toImage(f).pixel(3, 0), qRgb(255, 255, 255));
    }

    void nullImageGivesEmptyFrame()
    {
        const Frame f = fromImage(QImage(), 300.0);
        QVERIFY(!f.inconsistency().empty());
    }
};

QTEST_GUILESS_MAIN(TestFrameToImage)
#include "test_frame_to_image.moc"
