// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/PgTransaction.h"

namespace sohoa::hub {

PgTransaction::PgTransaction(PgConnection& connection) : connection_(connection)
{
    connection_.execScript("BEGIN");
}

PgTransaction::~PgTransaction()
{
    if (!open_)
        return;
    try {
        connection_.execScript("ROLLBACK");
    } catch (const PgError&) {
        // The connection is gone; the pool replaces it.
    }
}

void PgTransaction::commit()
{
    open_ = false;
    connection_.execScript("COMMIT");
}

} // namespace sohoa::hub
