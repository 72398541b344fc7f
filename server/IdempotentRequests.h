// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/PgConnection.h"
#include "server/Workstations.h"

#include <QJsonObject>
#include <functional>
#include <optional>
#include <string>

namespace sohoa::hub {

// What the hub answers to a request made with an Idempotency-Key; a replay is the stored
// answer to an earlier request with the same key.
struct IdempotentAnswer
{
    int status = 200;
    QJsonObject body;
    bool replay = false;
    // False for a refusal that depends on what the client does next (files not uploaded yet,
    // an agency not registered yet): not kept with the key, so the same request may come again.
    bool keep = true;
};

// A request as it is recorded with its key (docs/SYNC-PROTOCOL.md §5.3).
struct RecordedRequest
{
    std::string path;        // e.g. "/v1/operations"
    std::string canonical;   // the body re-serialized: keys sorted, no whitespace
    std::string operation;   // "dossier.create"..., or "code-blocks"
    std::string dossierUuid; // empty when the request concerns no dossier
    std::optional<int> baseVersion;
};

bool isUuid(const std::string& text);

// Exactly once per (workstation, Idempotency-Key), for every endpoint that takes a key
// (operations, code blocks): the request's canonical SHA-256 and the answer are stored in the
// transaction that applies it, a replay gets that answer, the same key with another request
// 422 idempotency-key-reused; racing duplicates queue on an advisory lock on the key.
class IdempotentRequests
{
public:
    // The key in lower case; throws ApiError 400 idempotency-key-invalid unless it is a UUID.
    static std::string checkedKey(const std::string& header);
    // Runs `apply` inside the transaction unless the key was seen before.
    static IdempotentAnswer run(PgConnection& connection, const Workstation& workstation,
                                const std::string& key, const RecordedRequest& request,
                                const std::function<IdempotentAnswer()>& apply);
};

} // namespace sohoa::hub
