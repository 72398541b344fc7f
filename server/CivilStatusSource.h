// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QString>
#include <stdexcept>
#include <string>

namespace sohoa::hub {

class PgConnection;

// A person's records in the electronic civil-status database (docs/SYNC-PROTOCOL.md §11.3),
// each in the protocol's JSON shape.
struct CivilStatusRecords
{
    QJsonArray births;
    QJsonArray marriages;
    QJsonArray deaths;

    qsizetype count() const { return births.size() + marriages.size() + deaths.size(); }
};

// The source could not answer (the Ministry's service is down, its tables are missing): the
// look-up is refused with 503 and may be tried again.
class CivilStatusUnavailable : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Where the hub reads civil-status records: its own tables (CivilStatusTables) until an
// adapter for the Ministry of Justice's database takes their place.
class CivilStatusSource
{
public:
    virtual ~CivilStatusSource() = default;
    // The `source` a look-up reports: "hub", or the adapter's name.
    virtual QString name() const = 0;
    // The records in which the person with `idNumber` is the registered person (the child,
    // a spouse, the deceased), oldest first. Throws CivilStatusUnavailable.
    virtual CivilStatusRecords recordsOf(PgConnection& connection,
                                         const std::string& idNumber) const = 0;
};

} // namespace sohoa::hub
