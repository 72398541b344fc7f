// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/PgConnection.h"

namespace sohoa::hub {

// BEGIN when made, ROLLBACK when it goes out of scope without commit(): a refusal or a lost
// connection in the middle never leaves a transaction open on a pooled connection.
class PgTransaction
{
public:
    explicit PgTransaction(PgConnection& connection);
    ~PgTransaction();
    PgTransaction(const PgTransaction&) = delete;
    PgTransaction& operator=(const PgTransaction&) = delete;

    void commit();

private:
    PgConnection& connection_;
    bool open_ = true;
};

} // namespace sohoa::hub
