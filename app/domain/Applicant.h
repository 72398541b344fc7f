// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/PassportNumber.h"
#include "domain/PersonalId.h"
#include "domain/Sex.h"
#include "domain/TaxCode.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringView>
#include <optional>

namespace sohoa::domain {

// The person or organisation the dossier belongs to (chủ hồ sơ, ChuHoSo). Exactly one
// identifier, matching the kind: a citizen's personal ID, an enterprise's tax code or a
// foreigner's passport number. Built only through the factories, which validate.
class Applicant
{
    Q_DECLARE_TR_FUNCTIONS(Applicant)

public:
    enum class Kind
    {
        Citizen,
        Enterprise,
        Foreigner
    };

    // Throws UserError(InvalidInput) when the ID's birth year or sex
    // digit disagrees with the date of birth or sex given.
    static Applicant citizen(PersonalId id, const QString& fullName, QDate dateOfBirth, Sex sex,
                             const QString& address);
    static Applicant enterprise(TaxCode taxCode, const QString& name, const QString& address);
    static Applicant foreigner(PassportNumber passport, const QString& fullName, QDate dateOfBirth,
                               Sex sex, const QString& address);

    Kind kind() const { return kind_; }
    const std::optional<PersonalId>& personalId() const { return personalId_; }
    const std::optional<TaxCode>& taxCode() const { return taxCode_; }
    const std::optional<PassportNumber>& passportNumber() const { return passport_; }

    // Full name of a person, or the registered name of an enterprise (NFC, single spaces).
    QString fullName() const { return fullName_; }
    QDate dateOfBirth() const { return dateOfBirth_; } // null for an enterprise
    Sex sex() const { return sex_; }
    QString address() const { return address_; }

    // The identifier as written on the paper (SoGiayToChuHoSo). Personal data: never log it.
    QString identifierText() const;
    // The identifier for logs: only its last three digits are visible.
    QString identifierMaskedForLog() const;

    // The national LoaiDoiTuong code: 1 citizen, 2 enterprise, 4 other (foreigners).
    int nationalSubjectType() const;

    // Stable names for storage: "citizen", "enterprise", "foreigner".
    static QString toString(Kind kind);
    static std::optional<Kind> kindFromString(QStringView name);

    bool operator==(const Applicant& other) const = default;

private:
    Applicant() = default;
    static QString cleanName(const QString& name);

    Kind kind_ = Kind::Citizen;
    std::optional<PersonalId> personalId_;
    std::optional<TaxCode> taxCode_;
    std::optional<PassportNumber> passport_;
    QString fullName_;
    QDate dateOfBirth_;
    Sex sex_ = Sex::Unknown;
    QString address_;
};

} // namespace sohoa::domain
