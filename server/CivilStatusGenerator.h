// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <cstdint>

namespace sohoa::hub {

class PgConnection;

// How much one generation wrote.
struct GeneratedCivilStatus
{
    int people = 0;
    int records = 0;
    // ID numbers of generated people with records of every kind they have, for demos.
    QStringList exampleIds;
};

// Generated, plausible civil-status records for tests and demos (docs/SYNC-PROTOCOL.md §11.3):
// families whose parents married, whose children's births were registered, some of whose
// members died and some of whose children married. Every person has a well-formed 12-digit
// personal ID (province of registration, century and sex, birth year). The same seed always
// gives the same families. No real person's data: names are drawn from common ones.
class CivilStatusGenerator
{
public:
    explicit CivilStatusGenerator(std::uint32_t seed);
    // Writes `families` families into the hub's civil-status tables, in the caller's
    // transaction.
    GeneratedCivilStatus generate(PgConnection& connection, int families);

private:
    std::uint32_t seed_;
};

} // namespace sohoa::hub
