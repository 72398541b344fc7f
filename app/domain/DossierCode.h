// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AgencyCode.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringView>
#include <compare>
#include <optional>
#include <utility>

namespace sohoa::domain {

// The national dossier code (mã hồ sơ, MaHoSo): `<agency code>-<yymmdd received>-<sequence>`,
// e.g. `000.00.53.H48-220921-0099`. The sequence counts the agency's dossiers of the day; its
// width differs between provincial systems (4 digits is common), so make() takes it as a
// setting and parse() accepts 4 to 6 digits. The year is 20yy.
// A workstation with no reserved number left issues a provisional code instead,
// `<agency code>-<yymmdd>-P<4 digits>` (docs/SYNC-PROTOCOL.md §8.2): the letter keeps it from
// being taken for a national code; the hub replaces it at the next sync.
class DossierCode
{
    Q_DECLARE_TR_FUNCTIONS(DossierCode)

public:
    static constexpr int kDefaultSequenceWidth = 4;
    static constexpr int kMinSequenceWidth = 4;
    static constexpr int kMaxSequenceWidth = 6;

    // Throws UserError(InvalidInput) when the date is outside 2000-2099, the width is outside
    // 4..6 or the sequence is negative or does not fit the width.
    static DossierCode make(const AgencyCode& agency, QDate received, int sequence,
                            int sequenceWidth = kDefaultSequenceWidth);

    static constexpr int kProvisionalWidth = 4;
    // Throws UserError(InvalidInput) as make(), or when the sequence exceeds 4 digits.
    static DossierCode makeProvisional(const AgencyCode& agency, QDate received, int sequence);

    static DossierCode parse(QStringView text); // throws UserError(InvalidInput)
    static std::optional<DossierCode> tryParse(QStringView text, QString* whyNot = nullptr);
    static bool isValid(QStringView text);

    QString toString() const;
    const AgencyCode& agency() const { return agency_; }
    QDate receivedDate() const { return received_; }
    int sequence() const { return sequence_; }
    int sequenceWidth() const { return width_; }
    bool isProvisional() const { return provisional_; }

    bool operator==(const DossierCode& other) const = default;
    std::strong_ordering operator<=>(const DossierCode& other) const;

private:
    DossierCode(AgencyCode agency, QDate received, int sequence, int width, bool provisional)
        : agency_(std::move(agency)), received_(received), sequence_(sequence), width_(width),
          provisional_(provisional)
    {
    }
    AgencyCode agency_;
    QDate received_;
    int sequence_;
    int width_;
    bool provisional_;
};

size_t qHash(const DossierCode& code, size_t seed = 0) noexcept;

} // namespace sohoa::domain
