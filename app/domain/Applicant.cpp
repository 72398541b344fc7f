// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Applicant.h"

#include "domain/UserError.h"

namespace sohoa::domain {

// The name may still be empty at intake: the counter often has only the ID number until the
// card's QR code or OCR fills the rest in.
QString Applicant::cleanName(const QString& name)
{
    return name.normalized(QString::NormalizationForm_C).simplified();
}

Applicant Applicant::citizen(PersonalId id, const QString& fullName, QDate dateOfBirth, Sex sex,
                             const QString& address)
{
    id.checkAgainst(dateOfBirth, sex);
    Applicant applicant;
    applicant.kind_ = Kind::Citizen;
    applicant.fullName_ = cleanName(fullName);
    applicant.personalId_ = std::move(id);
    applicant.dateOfBirth_ = dateOfBirth;
    applicant.sex_ = sex;
    applicant.address_ = address.normalized(QString::NormalizationForm_C).simplified();
    return applicant;
}

Applicant Applicant::enterprise(TaxCode taxCode, const QString& name, const QString& address)
{
    Applicant applicant;
    applicant.kind_ = Kind::Enterprise;
    applicant.fullName_ = cleanName(name);
    applicant.taxCode_ = std::move(taxCode);
    applicant.address_ = address.normalized(QString::NormalizationForm_C).simplified();
    return applicant;
}

Applicant Applicant::foreigner(PassportNumber passport, const QString& fullName, QDate dateOfBirth,
                               Sex sex, const QString& address)
{
    Applicant applicant;
    applicant.kind_ = Kind::Foreigner;
    applicant.fullName_ = cleanName(fullName);
    applicant.passport_ = std::move(passport);
    applicant.dateOfBirth_ = dateOfBirth;
    applicant.sex_ = sex;
    applicant.address_ = address.normalized(QString::NormalizationForm_C).simplified();
    return applicant;
}

QString Applicant::identifierText() const
{
    switch (kind_) {
    case Kind::Citizen:
        return personalId_->toString();
    case Kind::Enterprise:
        return taxCode_->toString();
    case Kind::Foreigner:
        return passport_->toString();
    }
    return {};
}

QString Applicant::identifierMaskedForLog() const
{
    switch (kind_) {
    case Kind::Citizen:
        return personalId_->maskedForLog();
    case Kind::Enterprise:
        return taxCode_->maskedForLog();
    case Kind::Foreigner:
        return passport_->maskedForLog();
    }
    return {};
}

int Applicant::nationalSubjectType() const
{
    switch (kind_) {
    case Kind::Citizen:
        return 1;
    case Kind::Enterprise:
        return 2;
    case Kind::Foreigner:
        break;
    }
    return 4;
}

QString Applicant::toString(Kind kind)
{
    switch (kind) {
    case Kind::Citizen:
        return QStringLiteral("citizen");
    case Kind::Enterprise:
        return QStringLiteral("enterprise");
    case Kind::Foreigner:
        return QStringLiteral("foreigner");
    }
    return {};
}

std::optional<Applicant::Kind> Applicant::kindFromString(QStringView name)
{
    for (Kind kind : {Kind::Citizen, Kind::Enterprise, Kind::Foreigner}) {
        if (name == toString(kind))
            return kind;
    }
    return std::nullopt;
}

} // namespace sohoa::domain
