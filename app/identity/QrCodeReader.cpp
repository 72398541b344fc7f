// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/QrCodeReader.h"

#include <QStringDecoder>
#include <ZXing/ReadBarcode.h>
#include <algorithm>
#include <cmath>

namespace sohoa::identity {

namespace {

// One way of looking at the image: zoomed, and with which of zxing's binarizers.
struct Attempt
{
    double scale = 1.0;
    ZXing::Binarizer binarizer = ZXing::Binarizer::LocalAverage;
};

// Images larger than this (a whole page) are not enlarged: zooming in only pays on a card.
constexpr int kLargeImage = 2000;

QString decodePayload(const ZXing::Result& result, const QByteArray& bytes)
{
    if (!bytes.isEmpty()) {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = utf8.decode(bytes);
        if (!utf8.hasError())
            return text.normalized(QString::NormalizationForm_C);
    }
    return QString::fromStdString(result.text()).normalized(QString::NormalizationForm_C);
}

QRect boxOf(const ZXing::Position& position, double scale, const QSize& bounds)
{
    int left = position[0].x, right = left, top = position[0].y, bottom = top;
    for (const auto& point : position) {
        left = std::min(left, point.x);
        right = std::max(right, point.x);
        top = std::min(top, point.y);
        bottom = std::max(bottom, point.y);
    }
    const QRect box(QPoint(static_cast<int>(std::floor(left / scale)),
                           static_cast<int>(std::floor(top / scale))),
                    QPoint(static_cast<int>(std::ceil(right / scale)),
                           static_cast<int>(std::ceil(bottom / scale))));
    return box.intersected(QRect(QPoint(0, 0), bounds));
}

QImage variant(const QImage& grey, const Attempt& attempt)
{
    QImage out = grey;
    if (attempt.scale != 1.0)
        out = grey.scaled(static_cast<int>(std::lround(grey.width() * attempt.scale)),
                          static_cast<int>(std::lround(grey.height() * attempt.scale)),
                          Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return out;
}

std::vector<QrCode> decode(const QImage& grey, const Attempt& attempt, const QSize& pageSize)
{
    const QImage image = variant(grey, attempt);
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    hints.setTryDownscale(true);
    hints.setMaxNumberOfSymbols(4);
    hints.setBinarizer(attempt.binarizer);
    const ZXing::ImageView view(image.constBits(), image.width(), image.height(),
                                ZXing::ImageFormat::Lum, static_cast<int>(image.bytesPerLine()));
    std::vector<QrCode> codes;
    for (const ZXing::Result& result : ZXing::ReadBarcodes(view, hints)) {
        if (!result.isValid())
            continue;
        QrCode code;
        const ZXing::ByteArray& raw = result.bytes();
        code.bytes = QByteArray(reinterpret_cast<const char*>(raw.data()),
                                static_cast<qsizetype>(raw.size()));
        code.text = decodePayload(result, code.bytes);
        code.box = boxOf(result.position(), attempt.scale, pageSize);
        codes.push_back(std::move(code));
    }
    return codes;
}

} // namespace

std::vector<QrCode> readQrCodes(const QImage& image,
                                const std::function<bool(const QrCode&)>& isWanted)
{
    if (image.isNull())
        return {};
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    using ZXing::Binarizer;
    const bool large = std::max(grey.width(), grey.height()) > kLargeImage;
    // Small modules survive enlarging with smoothing better than zxing's own sampling.
    const std::vector<Attempt> attempts =
        large ? std::vector<Attempt>{{1.0, Binarizer::LocalAverage},
                                     {0.5, Binarizer::LocalAverage},
                                     {1.0, Binarizer::GlobalHistogram}}
              : std::vector<Attempt>{{1.0, Binarizer::LocalAverage},
                                     {1.5, Binarizer::LocalAverage},
                                     {1.5, Binarizer::FixedThreshold},
                                     {2.0, Binarizer::FixedThreshold},
                                     {1.0, Binarizer::GlobalHistogram}};

    std::vector<QrCode> found;
    for (const Attempt& attempt : attempts) {
        bool wanted = false;
        for (QrCode& code : decode(grey, attempt, image.size())) {
            const bool seen = std::any_of(found.begin(), found.end(), [&](const QrCode& other) {
                return other.bytes == code.bytes && other.text == code.text;
            });
            if (seen)
                continue;
            wanted = wanted || !isWanted || isWanted(code);
            found.push_back(std::move(code));
        }
        if (wanted)
            break;
    }
    return found;
}

} // namespace sohoa::identity
