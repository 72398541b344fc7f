// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/IdentityFields.h"

namespace sohoa::identity {

QString fieldName(FieldKind kind)
{
    switch (kind) {
    case FieldKind::IdNumber:
        return QStringLiteral("id_number");
    case FieldKind::OldId:
        return QStringLiteral("old_id");
    case FieldKind::FullName:
        return QStringLiteral("full_name");
    case FieldKind::DateOfBirth:
        return QStringLiteral("date_of_birth");
    case FieldKind::Sex:
        return QStringLiteral("sex");
    case FieldKind::Nationality:
        return QStringLiteral("nationality");
    case FieldKind::PlaceOfOrigin:
        return QStringLiteral("place_of_origin");
    case FieldKind::Address:
        return QStringLiteral("address");
    case FieldKind::IssueDate:
        return QStringLiteral("issue_date");
    case FieldKind::TaxCode:
        return QStringLiteral("tax_code");
    case FieldKind::Passport:
        return QStringLiteral("passport");
    }
    return {};
}

const std::vector<FieldKind>& allFieldKinds()
{
    static const std::vector<FieldKind> kinds{
        FieldKind::IdNumber,      FieldKind::OldId,   FieldKind::FullName,
        FieldKind::DateOfBirth,   FieldKind::Sex,     FieldKind::Nationality,
        FieldKind::PlaceOfOrigin, FieldKind::Address, FieldKind::IssueDate,
        FieldKind::TaxCode,       FieldKind::Passport};
    return kinds;
}

std::optional<FieldKind> fieldKindFromName(QStringView name)
{
    for (FieldKind kind : allFieldKinds()) {
        if (name == fieldName(kind))
            return kind;
    }
    return std::nullopt;
}

QString fieldSourceName(FieldSource source)
{
    return source == FieldSource::Qr ? QStringLiteral("qr") : QStringLiteral("ocr");
}

const ExtractedField* IdentityFields::find(FieldKind kind) const
{
    const auto it = fields.find(kind);
    return it == fields.end() ? nullptr : &it->second;
}

QString IdentityFields::value(FieldKind kind) const
{
    const ExtractedField* field = find(kind);
    return field ? field->value : QString();
}

} // namespace sohoa::identity
