// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/CodeCounters.h"

namespace sohoa::hub {

namespace {

int largestSequence()
{
    int largest = 1;
    for (int digit = 0; digit < CodeCounters::kSequenceWidth; ++digit)
        largest *= 10;
    return largest - 1;
}

} // namespace

std::optional<SequenceRange> CodeCounters::take(PgConnection& connection, const QString& agency,
                                                QDate day, int count)
{
    const std::string agencyCode = agency.toStdString();
    const std::string date = day.toString(Qt::ISODate).toStdString();
    connection.exec("INSERT INTO code_counters(agency_code, day) VALUES ($1, $2) "
                    "ON CONFLICT DO NOTHING",
                    {agencyCode, date});
    // The old value comes from the locked row, the new one from the same UPDATE.
    const PgResult moved = connection.exec(
        "WITH old AS (SELECT last_sequence FROM code_counters "
        "             WHERE agency_code = $1 AND day = $2 FOR UPDATE) "
        "UPDATE code_counters c SET last_sequence = least(old.last_sequence + $3, $4) FROM old "
        "WHERE c.agency_code = $1 AND c.day = $2 RETURNING old.last_sequence, c.last_sequence",
        {agencyCode, date, std::to_string(count), std::to_string(largestSequence())});
    const int before = static_cast<int>(moved.integer(0, 0));
    const int after = static_cast<int>(moved.integer(0, 1));
    if (after == before)
        return std::nullopt;
    return SequenceRange{before + 1, after};
}

} // namespace sohoa::hub
