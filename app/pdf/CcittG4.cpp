// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/CcittG4.h"

#include <QImage>
#include <leptonica/allheaders.h>
#include <memory>
#include <optional>

namespace sohoa::pdf {

namespace {
struct PixDeleter
{
    void operator()(PIX* pix) const { pixDestroy(&pix); }
};
struct LeptonicaFree
{
    void operator()(l_uint8* data) const { lept_free(data); }
};

// Leptonica's 1-bit convention: 1 = black, pixels packed MSB first in native 32-bit words.
std::unique_ptr<PIX, PixDeleter> toPix(const QImage& image)
{
    const QImage mono = image.convertToFormat(QImage::Format_Mono);
    std::unique_ptr<PIX, PixDeleter> pix(pixCreate(mono.width(), mono.height(), 1));
    if (!pix)
        return nullptr;
    const QList<QRgb> colours = mono.colorTable();
    const bool indexOneIsBlack = colours.size() < 2 || qGray(colours.at(1)) < qGray(colours.at(0));
    const int wordsPerLine = pixGetWpl(pix.get());
    l_uint32* words = pixGetData(pix.get());
    for (int y = 0; y < mono.height(); ++y) {
        const uchar* row = mono.constScanLine(y);
        l_uint32* line = words + static_cast<std::ptrdiff_t>(y) * wordsPerLine;
        const int rowBytes = (mono.width() + 7) / 8;
        for (int i = 0; i < wordsPerLine; ++i) {
            l_uint32 word = 0;
            for (int b = 0; b < 4; ++b) {
                const int at = i * 4 + b;
                uchar byte = at < rowBytes ? row[at] : 0;
                if (!indexOneIsBlack && at < rowBytes)
                    byte = static_cast<uchar>(~byte);
                word = (word << 8) | byte;
            }
            line[i] = word;
        }
    }
    return pix;
}

// Minimal TIFF reader for what Leptonica writes: the first IFD's strip and photometry.
class TiffReader
{
public:
    explicit TiffReader(QByteArrayView bytes) : bytes_(bytes) {}

    std::optional<CcittG4Image> singleStrip() const
    {
        if (bytes_.size() < 8 || (bytes_.first(2) != "II" && bytes_.first(2) != "MM"))
            return std::nullopt;
        const qsizetype ifd = u32(4);
        const int entries = u16(ifd);
        qsizetype offset = -1;
        qsizetype length = -1;
        int strips = 0;
        int photometric = 0;
        int compression = 0;
        for (int i = 0; i < entries; ++i) {
            const qsizetype entry = ifd + 2 + 12 * i;
            const int tag = u16(entry);
            const int type = u16(entry + 2);
            const qsizetype count = u32(entry + 4);
            const qsizetype value = type == 3 ? u16(entry + 8) : u32(entry + 8);
            if (tag == 259)
                compression = static_cast<int>(value);
            else if (tag == 262)
                photometric = static_cast<int>(value);
            else if (tag == 273) {
                strips = static_cast<int>(count);
                offset = value;
            } else if (tag == 279)
                length = value;
        }
        // G4 strips are coded independently and cannot be joined: only a one-strip file will do.
        if (compression != 4 || strips != 1 || offset < 0 || length <= 0 ||
            offset + length > bytes_.size())
            return std::nullopt;
        return CcittG4Image{bytes_.sliced(offset, length).toByteArray(), photometric == 1};
    }

private:
    bool bigEndian() const { return bytes_.at(0) == 'M'; }
    qsizetype u16(qsizetype at) const
    {
        if (at < 0 || at + 2 > bytes_.size())
            return 0;
        const auto a = static_cast<uchar>(bytes_.at(at));
        const auto b = static_cast<uchar>(bytes_.at(at + 1));
        return bigEndian() ? (a << 8 | b) : (b << 8 | a);
    }
    qsizetype u32(qsizetype at) const
    {
        return bigEndian() ? (u16(at) << 16 | u16(at + 2)) : (u16(at + 2) << 16 | u16(at));
    }

    QByteArrayView bytes_;
};
} // namespace

CcittG4Image encodeCcittG4(const QImage& bilevel)
{
    const auto pix = toPix(bilevel);
    if (!pix)
        return {};
    l_uint8* raw = nullptr;
    size_t size = 0;
    if (pixWriteMemTiff(&raw, &size, pix.get(), IFF_TIFF_G4) != 0 || raw == nullptr)
        return {};
    const std::unique_ptr<l_uint8, LeptonicaFree> tiff(raw);
    const auto strip =
        TiffReader(QByteArrayView(reinterpret_cast<const char*>(raw), static_cast<qsizetype>(size)))
            .singleStrip();
    return strip ? *strip : CcittG4Image{};
}

} // namespace sohoa::pdf
