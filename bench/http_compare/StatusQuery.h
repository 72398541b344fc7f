// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace sohoa::hub {
class PgPool;
}

namespace sohoa::bench {

// The answer to GET /v1/status, the same whichever HTTP library serves it.
struct StatusAnswer
{
    int httpStatus = 200;
    std::string body; // JSON
};

// Borrows a pooled PostgreSQL connection (blocking while all are lent, as in the hub), runs one
// small query and answers a small JSON; a database it cannot reach is a 503, as in the hub.
StatusAnswer answerStatus(hub::PgPool& pool);

} // namespace sohoa::bench
