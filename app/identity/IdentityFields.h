// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRect>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <map>
#include <optional>
#include <vector>

namespace sohoa::identity {

// The identity fields SoHoa reads off a citizen's papers (giấy tờ tùy thân).
enum class FieldKind
{
    IdNumber,      // 12-digit personal ID (số định danh cá nhân)
    OldId,         // 9-digit old ID card number (CMND)
    FullName,      // họ và tên
    DateOfBirth,   // ngày sinh
    Sex,           // giới tính
    Nationality,   // quốc tịch
    PlaceOfOrigin, // quê quán
    Address,       // nơi thường trú
    IssueDate,     // ngày cấp
    TaxCode,       // mã số thuế
    Passport,      // số hộ chiếu
};

// Stable names for JSON output: "id_number", "old_id", "full_name", ...
QString fieldName(FieldKind kind);
std::optional<FieldKind> fieldKindFromName(QStringView name);
const std::vector<FieldKind>& allFieldKinds();

enum class FieldSource
{
    Qr,
    Ocr,
};

// "qr" or "ocr".
QString fieldSourceName(FieldSource source);

// One field as read. Values are normalized: text NFC, dates ISO yyyy-MM-dd, sex "male" or
// "female" (domain::sexToString). Holds personal data: never log it.
struct ExtractedField
{
    QString value;
    FieldSource source = FieldSource::Ocr;
    double confidence = 0; // 0..1
    QRect box;             // pixels in the input image; for QR-sourced fields the QR's box
};

// The QR code and the printed text give different values for one field.
struct Disagreement
{
    FieldKind field = FieldKind::IdNumber;
    QString qrValue;
    QString ocrValue;
};

// What one page yielded.
struct IdentityFields
{
    std::map<FieldKind, ExtractedField> fields;
    std::vector<Disagreement> disagreements;
    QStringList notes; // translated remarks for the officer; never personal data

    const ExtractedField* find(FieldKind kind) const;
    QString value(FieldKind kind) const; // empty when absent
};

} // namespace sohoa::identity
