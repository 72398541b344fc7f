// SPDX-License-Identifier: GPL-3.0-or-later
// The Store's dossier-code blocks and the hub's replacement of provisional codes
// (docs/SYNC-PROTOCOL.md §8).
#include "storage/DateTimeColumns.h"
#include "storage/Sqlite.h"
#include "storage/Store.h"

namespace sohoa::storage {

void Store::addCodeBlock(const CodeBlockRecord& block)
{
    // A block the hub granted twice (a replayed answer) is kept once.
    Statement insert(*db_, "INSERT OR IGNORE INTO code_blocks(agency_code, day, first, last, "
                           "next, sequence_width) VALUES (?,?,?,?,?,?)");
    insert.bind(1, block.agencyCode)
        .bind(2, block.day.toString(Qt::ISODate))
        .bind(3, block.first)
        .bind(4, block.last)
        .bind(5, block.first)
        .bind(6, block.sequenceWidth)
        .run();
}

std::optional<ReservedNumber> Store::takeReservedNumber(const QString& agencyCode, const QDate& day)
{
    Statement take(*db_, "UPDATE code_blocks SET next = next + 1 WHERE rowid = "
                         "(SELECT rowid FROM code_blocks WHERE agency_code = ?1 AND day = ?2 "
                         " AND next <= last ORDER BY first LIMIT 1) "
                         "RETURNING next - 1, sequence_width");
    take.bind(1, agencyCode).bind(2, day.toString(Qt::ISODate));
    if (!take.step())
        return std::nullopt;
    const ReservedNumber number{take.integer(0), take.integer(1)};
    take.run();
    return number;
}

int Store::reservedNumbersLeft(const QString& agencyCode, const QDate& day)
{
    Statement select(*db_, "SELECT coalesce(sum(last - next + 1), 0) FROM code_blocks "
                           "WHERE agency_code = ? AND day = ? AND next <= last");
    select.bind(1, agencyCode).bind(2, day.toString(Qt::ISODate));
    select.step();
    return select.integer(0);
}

bool Store::assignDossierCode(const QString& dossierUuid, const QString& assignedCode)
{
    Statement dossier(*db_, "UPDATE dossiers SET provisional_code = code, code = ?, "
                            "code_provisional = 0, updated_at = ? "
                            "WHERE uuid = ? AND code_provisional = 1 RETURNING provisional_code");
    dossier.bind(1, assignedCode)
        .bind(2, dateTimeText(QDateTime::currentDateTimeUtc()))
        .bind(3, dossierUuid);
    if (!dossier.step())
        return false;
    const QString provisionalPrefix = dossier.text(0) + QLatin1Char('.');
    dossier.run();
    Statement documents(*db_, "UPDATE documents SET file_name = ?1 || substr(file_name, ?3) "
                              "WHERE substr(file_name, 1, ?3 - 1) = ?2 AND component_id IN "
                              "(SELECT c.id FROM components c JOIN dossiers d "
                              " ON d.id = c.dossier_id WHERE d.uuid = ?4)");
    documents.bind(1, assignedCode + QLatin1Char('.'))
        .bind(2, provisionalPrefix)
        .bind(3, static_cast<int>(provisionalPrefix.size()) + 1)
        .bind(4, dossierUuid)
        .run();
    return true;
}

} // namespace sohoa::storage
