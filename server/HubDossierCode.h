// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <optional>

namespace sohoa::hub {

// A dossier code (MaHoSo) as the hub reads it: `<agency>-<yymmdd>-<sequence>` with 4 to 6
// digits, or the provisional form `<agency>-<yymmdd>-P<4 digits>` a workstation issues offline
// (docs/SYNC-PROTOCOL.md §8.2). The hub needs no more of the workstation's DossierCode.
struct HubDossierCode
{
    QString agency;
    QDate day;
    int sequence = 0;
    bool provisional = false;

    // Nullopt for anything else.
    static std::optional<HubDossierCode> parse(const QString& text);
    // The definitive code of `sequence` on `day`, the sequence zero-padded to `width` digits.
    static QString definitive(const QString& agency, QDate day, int sequence, int width);
};

} // namespace sohoa::hub
