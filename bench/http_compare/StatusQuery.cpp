// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusQuery.h"

#include "server/PgPool.h"

namespace sohoa::bench {

StatusAnswer answerStatus(hub::PgPool& pool)
{
    try {
        hub::PgPool::Lease connection = pool.acquire();
        const hub::PgResult sessions = connection->exec("SELECT count(*) FROM pg_stat_activity");
        return {200, R"({"status":"ok","database_sessions":)" + sessions.text(0, 0) + "}"};
    } catch (const hub::PgError&) {
        return {503, R"({"error":{"code":"unavailable"}})"};
    }
}

} // namespace sohoa::bench
