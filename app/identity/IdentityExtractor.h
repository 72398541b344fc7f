// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "identity/CardLocator.h"
#include "identity/IdCardQrPayload.h"
#include "identity/IdentityFields.h"
#include "ocr/OcrEngine.h"

#include <QCoreApplication>
#include <QImage>
#include <QTransform>
#include <memory>
#include <optional>

namespace sohoa::identity {

struct ExtractionOptions
{
    // Also OCR the card when its QR code was read, and report where the two disagree.
    bool crossCheck = false;
    ocr::OcrSettings ocr;
};

// Identity fields from one page image: the chip ID card's QR code when it can be read (exact,
// UTF-8), else OCR of the printed card (the card is located on the page, straightened and
// cropped first, which also keeps Tesseract fast). With crossCheck both run; the QR's value
// wins and every field where the printed text says otherwise is reported as a disagreement.
// The OCR engine is created on first use. Not thread-safe: one extractor per thread.
class IdentityExtractor
{
    Q_DECLARE_TR_FUNCTIONS(IdentityExtractor)

public:
    explicit IdentityExtractor(ExtractionOptions options = {});
    ~IdentityExtractor();
    IdentityExtractor(const IdentityExtractor&) = delete;
    IdentityExtractor& operator=(const IdentityExtractor&) = delete;

    IdentityFields extract(const QImage& image, int dpi);

    // The fields a QR payload gives, all with the QR's box.
    static IdentityFields fromQr(const IdCardQrPayload& payload, const QRect& qrBox);
    // QR fields win; OCR fills the gaps; differing values become disagreements.
    static IdentityFields merge(IdentityFields qr, const IdentityFields& ocr);

private:
    // The card cut out of the page, straightened and scaled, and the way back to the page.
    struct CardView
    {
        QImage image;
        QTransform toPage;
    };
    static CardView cardView(const QImage& image, const std::optional<CardRegion>& region,
                             double scale);
    IdentityFields readByOcr(const QImage& image, int dpi, const std::optional<CardRegion>& region);

    ExtractionOptions options_;
    std::unique_ptr<ocr::OcrEngine> engine_;
};

} // namespace sohoa::identity
