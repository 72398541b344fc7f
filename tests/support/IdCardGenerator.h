// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Sex.h"

#include <QDate>
#include <QImage>
#include <QPointF>
#include <QRandomGenerator>
#include <QRect>
#include <QString>
#include <QStringList>
#include <optional>

namespace sohoa::testing {

// A made-up citizen as printed on a chip ID card (CCCD). The ID number follows the personal
// ID rules: province code, century/sex digit agreeing with the date of birth and sex, the
// birth year's last two digits, six random digits.
struct IdCardIdentity
{
    QString idNumber;
    QString oldId;    // empty or 9 digits
    QString fullName; // title case, NFC ("Nguyễn Văn An"); printed in capitals
    QDate dateOfBirth;
    domain::Sex sex = domain::Sex::Male;
    QString nationality = QStringLiteral("Việt Nam");
    QString placeOfOrigin;
    QString address; // place of residence
    QDate issueDate;
    QDate expiryDate;

    // The text of the card's QR code: id|old id|name|ddMMyyyy|Nam or Nữ|address|ddMMyyyy.
    QString qrPayload() const;
};

// How the fields sit on the card. The extractor must find them by reading.
enum class CardLayout
{
    LabelThenValue,  // "Họ và tên / Full name: NGUYỄN VĂN AN" on one line; QR top right
    LabelAboveValue, // the label's line, then the value's line; other order; QR top left
};

enum class QrCondition
{
    Intact,
    Glare,   // a white reflection over the middle of the code
    Damaged, // finder patterns scratched off, blocks missing
    Removed, // no code printed (or covered)
};

struct IdCardStyle
{
    int dpi = 300;
    CardLayout layout = CardLayout::LabelThenValue;
    QString fontFamily = QStringLiteral("DejaVu Sans");
    double scale = 1.0;                // the card's size relative to 85.6 × 54 mm
    double rotationDegrees = 0;        // clockwise
    std::optional<QPointF> positionMm; // the card's top-left corner on the page; random if unset
    QrCondition qr = QrCondition::Intact;
    double blurRadius = 0; // pixels (box blur, two passes)
    int noiseSigma = 0;    // grey levels
    int jpegQuality = 0;   // 0: no JPEG round trip
    QString printedName;   // printed instead of the identity's name (tests of disagreement)
};

struct GeneratedCard
{
    QImage image; // a white A4 flatbed page, RGB32, with the card on it
    int dpi = 0;
    IdCardIdentity truth;
    QRect cardBox; // the card's bounding box on the page
    QRect qrBox;   // the QR code's bounding box on the page (empty when removed)
};

// The families IdCardStyle::fontFamily may name (DejaVu Sans, Liberation Sans, Liberation Serif).
QStringList idCardFontFamilies();
IdCardIdentity randomIdentity(QRandomGenerator& random);
GeneratedCard renderIdCard(const IdCardIdentity& identity, const IdCardStyle& style,
                           QRandomGenerator& random);

} // namespace sohoa::testing
