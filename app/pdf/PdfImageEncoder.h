// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>

class QImage;

namespace sohoa::pdf {

enum class ImageEncoding
{
    Jpeg,     // DCTDecode: small, lossy; quality from PdfImageOptions
    Lossless, // FlateDecode of the raw 8-bit samples
};

struct PdfImageOptions
{
    ImageEncoding encoding = ImageEncoding::Jpeg;
    // 1..100, clamped. 35 by measurement (bench/pdfa_vs_ocrmypdf.sh): Tesseract re-reads the
    // stored 300-dpi scans as well as the lossless originals, at under 60 % of the bytes.
    int jpegQuality = 35;
};

// An image XObject ready to be written: dictionary entries (without /Length) and stream data.
struct EncodedImage
{
    QByteArray dictionaryEntries;
    QByteArray data;
    int width = 0;
    int height = 0;
    bool gray = false;
};

// Encodes a page image as DeviceGray (grayscale images) or DeviceRGB, 8 bits per component,
// opaque: any alpha is flattened onto white, since the text layer needs no transparency and
// PDF/A forbids it. 1-bit images (line art) become 1-bit CCITT G4 whatever the options.
class PdfImageEncoder
{
    Q_DECLARE_TR_FUNCTIONS(PdfImageEncoder)

public:
    static EncodedImage encode(const QImage& image, const PdfImageOptions& options);

private:
    static EncodedImage encodeBilevel(const QImage& image);
};

} // namespace sohoa::pdf
