// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/StoreRecords.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <vector>

namespace sohoa::usecases {

// The dossier record the hub receives (docs/SYNC-PROTOCOL.md §6.1), field for field the
// national DongBoHoSoMC dossier: dates as yyyyMMddHHmmss in Vietnam time, status 1..10, the
// components with their digitized/reused flags. The applicant's birth date, sex and address
// are not sent: the national service has no place for them.
QJsonObject syncDossierRecord(const storage::DossierRecord& dossier,
                              const std::vector<storage::ComponentRecord>& components);

// One component (§6.2/6.3) without its documents.
QJsonObject syncComponentRecord(const storage::ComponentRecord& component);

// One progress entry of a dossier (§6.4, a national QuaTrinhXuLy line): who moved it on,
// when, and why. The note must not hold ID numbers (as ProcessingEvent::note).
struct ProgressEntry
{
    QString officerId;
    QString officerName;
    QDateTime at;
    QString note;
};
QJsonObject syncProgressEntry(const ProgressEntry& entry, int nationalStatus);

// A time as the national service writes it: yyyyMMddHHmmss, Vietnam time (+07:00); null when
// invalid.
QJsonValue nationalDateTime(const QDateTime& time);

} // namespace sohoa::usecases
