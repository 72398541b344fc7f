// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/PgConnection.h"

#include <QJsonObject>
#include <string>
#include <vector>

namespace sohoa::hub {

// An enrolment code just issued: shown once, the hub keeps only its SHA-256.
struct IssuedEnrolmentCode
{
    std::string code;      // 7KQ2-M9XD-4HTA-0ZRB
    std::string expiresAt; // ISO 8601
};

// One-time enrolment codes (docs/SYNC-PROTOCOL.md §4.2): the province issues one for a
// workstation name; the counter exchanges it, once, for a bearer token of that workstation.
class Enrolments
{
public:
    inline static constexpr int kDefaultValidHours = 72;

    // Throws std::invalid_argument for an empty name, a malformed agency code, or no agency
    // code for a workstation that has none (in the message); `validHours` 0 makes a code that
    // has expired already.
    static IssuedEnrolmentCode issue(PgConnection& connection, const std::string& workstationName,
                                     const std::vector<std::string>& agencyCodes, int validHours);

    // POST /v1/enrolment: the 201 body with the new token. A repeat with the same code and
    // Idempotency-Key while the code is valid revokes the token the first answer carried and
    // issues another (the hub cannot replay a token it does not keep). Throws ApiError: 400 for
    // a malformed request, 403 enrolment-code-invalid for a code unknown, expired or consumed
    // with another key (not told apart, so that guessing learns nothing).
    static QJsonObject redeem(PgConnection& connection, const std::string& idempotencyKey,
                              const std::string& body);
};

} // namespace sohoa::hub
