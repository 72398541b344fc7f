// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <cstdint>
#include <optional>

namespace sohoa::storage {

class Database;

struct EventRecord
{
    std::int64_t id = 0;
    QString dossierUuid; // empty for store-wide events (init, backup...)
    QDateTime at;
    QString officerId;
    QString action;
    QString detail; // never personal data: codes and counts only
};

// The audit trail: each event carries the SHA-256 of the previous one, so editing or removing
// an event breaks every hash after it.
void appendEvent(Database& db, const EventRecord& event);
// The id of the first event whose hash does not follow from its predecessor, if any.
std::optional<std::int64_t> firstBrokenEvent(Database& db);

} // namespace sohoa::storage
