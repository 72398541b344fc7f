// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <string>

namespace sohoa::hub {

class CivilStatusSource;
class PgConnection;
struct Workstation;

// The two look-ups an officer makes about a citizen (docs/SYNC-PROTOCOL.md §11): earlier
// digitized documents for reuse, and the personal civil-status book. Each call states its
// purpose, counts against the workstation's hourly limit and is audited in the transaction
// that answers it.
class Lookups
{
public:
    Lookups(const CivilStatusSource& civilStatus, int perHour);

    QJsonObject documents(PgConnection& connection, const Workstation& workstation,
                          const std::string& body) const;
    QJsonObject civilStatus(PgConnection& connection, const Workstation& workstation,
                            const std::string& body) const;

private:
    const CivilStatusSource& civilStatus_;
    int perHour_;
};

} // namespace sohoa::hub
