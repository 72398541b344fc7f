// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/PdfImageEncoder.h"

#include "domain/UserError.h"
#include "pdf/CcittG4.h"
#include "pdf/PdfSyntax.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <algorithm>
#include <cstring>

namespace sohoa::pdf {

namespace {

bool isGray(const QImage& image)
{
    switch (image.format()) {
    case QImage::Format_Grayscale8:
    case QImage::Format_Grayscale16:
        return true;
    default:
        return image.allGray();
    }
}

// Composites onto white by hand rather than with QPainter, which would tie the library to a
// QGuiApplication.
QImage opaque(const QImage& image)
{
    if (!image.hasAlphaChannel())
        return image;
    QImage flat = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < flat.height(); ++y) {
        auto* row = reinterpret_cast<QRgb*>(flat.scanLine(y));
        for (int x = 0; x < flat.width(); ++x) {
            const QRgb pixel = row[x];
            const int background = 255 - qAlpha(pixel); // premultiplied: colour + (1 - a) * white
            row[x] = qRgb(qRed(pixel) + background, qGreen(pixel) + background,
                          qBlue(pixel) + background);
        }
    }
    return flat.convertToFormat(QImage::Format_RGB32);
}

// Number of colour components of a baseline or progressive JPEG, read from its SOF marker, so
// the /ColorSpace always matches what the encoder actually produced. 0 when not found.
int jpegComponents(const QByteArray& jpeg)
{
    qsizetype i = 2; // after SOI
    while (i + 4 <= jpeg.size()) {
        if (static_cast<unsigned char>(jpeg[i]) != 0xFF)
            return 0;
        const auto marker = static_cast<unsigned char>(jpeg[i + 1]);
        const int length = (static_cast<unsigned char>(jpeg[i + 2]) << 8) |
                           static_cast<unsigned char>(jpeg[i + 3]);
        const bool startOfFrame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame)
            return i + 9 < jpeg.size() ? static_cast<unsigned char>(jpeg[i + 9]) : 0;
        i += 2 + length;
    }
    return 0;
}

} // namespace

// Line art (a scanner's 1-bit mode) stays 1-bit: CCITT G4 keeps it lossless at a fraction of
// what 8-bit samples would cost.
EncodedImage PdfImageEncoder::encodeBilevel(const QImage& image)
{
    EncodedImage result;
    result.width = image.width();
    result.height = image.height();
    CcittG4Image g4 = encodeCcittG4(image);
    if (g4.data.isEmpty())
        throw UserError(ErrorKind::Processing,
                        tr("Could not compress the line-art page image (CCITT G4)."));
    result.gray = true;
    result.data = std::move(g4.data);
    const QByteArray width = QByteArray::number(result.width);
    const QByteArray height = QByteArray::number(result.height);
    result.dictionaryEntries =
        "/Type /XObject /Subtype /Image /Width " + width + " /Height " + height +
        " /ColorSpace /DeviceGray /BitsPerComponent 1 "
        "/Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns " +
        width + " /Rows " + height + " >>" + (g4.codedInverted ? " /Decode [1 0]" : "");
    return result;
}

EncodedImage PdfImageEncoder::encode(const QImage& image, const PdfImageOptions& options)
{
    if (image.isNull())
        throw UserError(ErrorKind::Processing, tr("The page image is empty."));

    if (image.depth() == 1)
        return encodeBilevel(image);
    EncodedImage result;
    result.width = image.width();
    result.height = image.height();
    const QImage flat = opaque(image);
    result.gray = isGray(flat);
    const QImage pixels =
        flat.convertToFormat(result.gray ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    if (pixels.isNull())
        throw UserError(ErrorKind::Processing, tr("Not enough memory to convert the page image."));

    QByteArray filter;
    if (options.encoding == ImageEncoding::Jpeg) {
        QBuffer buffer(&result.data);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter writer(&buffer, "jpeg");
        writer.setQuality(std::clamp(options.jpegQuality, 1, 100));
        // Optimized Huffman tables: a few percent smaller for the same pixels.
        writer.setOptimizedWrite(true);
        if (!writer.write(pixels))
            throw UserError(
                ErrorKind::Processing,
                tr("Could not encode the page image as JPEG: %1").arg(writer.errorString()));
        const int components = jpegComponents(result.data);
        if (components != 1 && components != 3)
            throw UserError(ErrorKind::Processing,
                            tr("The JPEG encoder produced an unsupported image."));
        result.gray = components == 1;
        filter = QByteArrayLiteral("/DCTDecode");
    } else {
        // Rows of a QImage are padded to 32 bits; the PDF wants them packed.
        const qsizetype rowBytes = static_cast<qsizetype>(pixels.width()) * (result.gray ? 1 : 3);
        QByteArray raw(rowBytes * pixels.height(), Qt::Uninitialized);
        for (int y = 0; y < pixels.height(); ++y)
            std::memcpy(raw.data() + y * rowBytes, pixels.constScanLine(y),
                        static_cast<size_t>(rowBytes));
        result.data = syntax::flate(raw);
        filter = QByteArrayLiteral("/FlateDecode");
    }

    result.dictionaryEntries =
        "/Type /XObject /Subtype /Image /Width " + QByteArray::number(result.width) + " /Height " +
        QByteArray::number(result.height) + " /ColorSpace " +
        (result.gray ? "/DeviceGray" : "/DeviceRGB") + " /BitsPerComponent 8 /Filter " + filter;
    return result;
}

} // namespace sohoa::pdf
