// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/IdentityExtractor.h"

#include "domain/SearchFolding.h"
#include "identity/CardLocator.h"
#include "identity/CardValues.h"
#include "identity/IdCardOcrReader.h"
#include "identity/QrCodeReader.h"

#include <QPainter>
#include <QTransform>
#include <cmath>

namespace sohoa::identity {

namespace {
constexpr int kOcrDpi = 300;          // cards are small print: OCR them at least at this resolution
constexpr int kQrDpi = 400;           // and look for QR modules again at this one
constexpr double kQrConfidence = 1.0; // the QR's error correction either yields it or not
constexpr double kMinDeskewDegrees = 0.3;

// Whether two readings of a field say the same thing (case, spacing and punctuation aside).
bool sameValue(FieldKind kind, const QString& a, const QString& b)
{
    if (kind == FieldKind::Address || kind == FieldKind::PlaceOfOrigin ||
        kind == FieldKind::FullName || kind == FieldKind::Nationality) {
        auto canonical = [](const QString& text) {
            QString out;
            for (QChar c : text.normalized(QString::NormalizationForm_C).toCaseFolded()) {
                if (c.isLetterOrNumber())
                    out += c;
            }
            return out;
        };
        return canonical(a) == canonical(b);
    }
    return a == b;
}

QRect mapBox(const QTransform& toPage, const QRect& box, const QRect& bounds)
{
    return toPage.mapRect(QRectF(box)).toAlignedRect().intersected(bounds);
}
} // namespace

IdentityExtractor::IdentityExtractor(ExtractionOptions options) : options_(std::move(options)) {}

IdentityExtractor::~IdentityExtractor() = default;

IdentityFields IdentityExtractor::fromQr(const IdCardQrPayload& payload, const QRect& qrBox)
{
    IdentityFields result;
    auto put = [&](FieldKind kind, const QString& value) {
        if (!value.isEmpty())
            result.fields[kind] = ExtractedField{value, FieldSource::Qr, kQrConfidence, qrBox};
    };
    put(FieldKind::IdNumber, payload.idNumber);
    put(FieldKind::OldId, payload.oldIdNumber);
    put(FieldKind::FullName, payload.fullName);
    put(FieldKind::DateOfBirth, isoDate(payload.dateOfBirth));
    put(FieldKind::Sex, domain::sexToString(payload.sex));
    put(FieldKind::Address, payload.address);
    put(FieldKind::IssueDate, isoDate(payload.issueDate));
    return result;
}

IdentityFields IdentityExtractor::merge(IdentityFields qr, const IdentityFields& ocr)
{
    for (const auto& [kind, field] : ocr.fields) {
        const ExtractedField* fromQr = qr.find(kind);
        if (!fromQr) {
            qr.fields[kind] = field;
            continue;
        }
        if (!sameValue(kind, fromQr->value, field.value))
            qr.disagreements.push_back(Disagreement{kind, fromQr->value, field.value});
    }
    qr.notes << ocr.notes;
    return qr;
}

IdentityExtractor::CardView IdentityExtractor::cardView(const QImage& image,
                                                        const std::optional<CardRegion>& region,
                                                        double scale)
{
    // Crop to the card, straighten it and scale it; remember the way back to the page.
    const QRect crop = region ? region->rect : image.rect();
    const double angle = region ? region->angleDegrees : 0;
    QTransform toCard;
    toCard.scale(scale, scale);
    if (std::abs(angle) >= kMinDeskewDegrees)
        toCard.rotate(-angle);
    const QRect target = toCard.mapRect(QRectF(crop)).toAlignedRect();
    const QTransform placed = toCard * QTransform::fromTranslate(-target.left(), -target.top());

    CardView view;
    view.image = QImage(target.size(), QImage::Format_Grayscale8);
    view.image.fill(Qt::white);
    {
        QPainter painter(&view.image);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.setTransform(placed);
        painter.drawImage(crop.topLeft(), image.convertToFormat(QImage::Format_Grayscale8), crop);
    }
    view.toPage = placed.inverted();
    return view;
}

IdentityFields IdentityExtractor::readByOcr(const QImage& image, int dpi,
                                            const std::optional<CardRegion>& region)
{
    if (!engine_)
        engine_ = std::make_unique<ocr::OcrEngine>(options_.ocr);
    const int sourceDpi = dpi > 0 ? dpi : kOcrDpi;
    const double scale = std::max(1.0, static_cast<double>(kOcrDpi) / sourceDpi);
    const CardView card = cardView(image, region, scale);
    const ocr::PageText text = engine_->recognize(card.image, static_cast<int>(sourceDpi * scale));
    IdentityFields fields = IdCardOcrReader::read(text);
    for (auto& [kind, field] : fields.fields)
        field.box = mapBox(card.toPage, field.box, image.rect());
    return fields;
}

IdentityFields IdentityExtractor::extract(const QImage& image, int dpi)
{
    std::optional<IdCardQrPayload> payload;
    QRect qrBox;
    QString whyNot;
    auto isIdCard = [&](const QrCode& code) {
        QString why;
        auto parsed = IdCardQrPayload::tryParse(code.text, &why);
        if (!parsed) {
            whyNot = why;
            return false;
        }
        if (!payload) {
            payload = std::move(parsed);
            qrBox = code.box;
        }
        return true;
    };
    auto codes = readQrCodes(image, isIdCard);
    // The card's place is needed only to look again or to read the print.
    const std::optional<CardRegion> region =
        payload && !options_.crossCheck ? std::nullopt : locateCard(image);
    if (!payload && region) {
        // Small modules (a 200 dpi scan) and a tilted card: look again at the card alone,
        // straightened and enlarged.
        const int sourceDpi = dpi > 0 ? dpi : kOcrDpi;
        const CardView card =
            cardView(image, region, std::max(1.0, static_cast<double>(kQrDpi) / sourceDpi));
        for (QrCode& code : readQrCodes(card.image, isIdCard)) {
            code.box = mapBox(card.toPage, code.box, image.rect());
            codes.push_back(std::move(code));
        }
        if (payload)
            qrBox = mapBox(card.toPage, qrBox, image.rect());
    }

    if (payload) {
        IdentityFields qr = fromQr(*payload, qrBox);
        if (!options_.crossCheck)
            return qr;
        return merge(std::move(qr), readByOcr(image, dpi, region));
    }

    IdentityFields result = readByOcr(image, dpi, region);
    if (codes.empty())
        result.notes.prepend(
            tr("No readable QR code was found; the fields come from the printed text (OCR)."));
    else
        result.notes.prepend(tr("A QR code was found but it is not a chip ID card's (%1); the "
                                "fields come from the printed text (OCR).")
                                 .arg(whyNot));
    return result;
}

} // namespace sohoa::identity
