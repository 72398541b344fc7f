// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/PgConnection.h"
#include "server/Workstations.h"

#include <QJsonObject>
#include <string>

namespace sohoa::hub {

// What the hub answers to one operation; a replay is the stored answer to an earlier request
// with the same Idempotency-Key.
struct OperationAnswer
{
    int status = 200;
    QJsonObject body;
    bool replay = false;
};

// POST /v1/operations: a change to one dossier, applied exactly once and in order. The body is
//   {"dossier_uuid", "base_version", "operation", "test_data", "payload": {DongBoHoSoMC fields}}
// where `payload` is the dossier as it is after the change (MaHoSo, TrangThaiHoSo, TaiLieuNop...).
// In one transaction, serialized per key: a key seen before returns its stored answer (or
// 422 idempotency-key-reused for a different body); a base_version other than the dossier's
// current version is refused with 409 stale-version and the current version; a dossier
// marked as test data is refused by a production hub (403 test-data-refused); otherwise the
// dossier is created (base_version 0) or replaced, its version goes up by one, and the answer
// is stored with the key. Throws ApiError for a request that is not an operation at all.
class DossierOperations
{
public:
    static OperationAnswer apply(PgConnection& connection, const Workstation& workstation,
                                 const std::string& idempotencyKey, const std::string& body,
                                 bool acceptTestData);
};

} // namespace sohoa::hub
