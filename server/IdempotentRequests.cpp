// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/IdempotentRequests.h"

#include "server/ApiError.h"
#include "server/PgTransaction.h"
#include "server/Sha256.h"

#include <QJsonDocument>
#include <QUuid>

namespace sohoa::hub {

bool isUuid(const std::string& text)
{
    return text.size() == 36 && !QUuid::fromString(QString::fromStdString(text)).isNull();
}

std::string IdempotentRequests::checkedKey(const std::string& header)
{
    const std::string key = QString::fromStdString(header).toLower().toStdString();
    if (!isUuid(key))
        throw ApiError(400, QStringLiteral("idempotency-key-invalid"),
                       QStringLiteral("This request needs an Idempotency-Key header (a UUID)."),
                       QStringLiteral("Yêu cầu này cần tiêu đề Idempotency-Key (một UUID)."));
    return key;
}

IdempotentAnswer IdempotentRequests::run(PgConnection& connection, const Workstation& workstation,
                                         const std::string& key, const RecordedRequest& request,
                                         const std::function<IdempotentAnswer()>& apply)
{
    // The canonical form, so a client whose serializer changed between attempts still matches;
    // the path, so one key cannot stand for requests to two endpoints.
    const std::string fingerprint =
        byteaParameter(Sha256::of("POST " + request.path + "\n" + request.canonical));
    const std::string workstationId = std::to_string(workstation.id);

    PgTransaction transaction(connection);
    // Two deliveries of one request (a retry racing the original) queue here.
    connection.exec("SELECT pg_advisory_xact_lock(hashtextextended($1 || ':' || $2, 0))",
                    {workstationId, key});
    const PgResult seen = connection.exec(
        "SELECT request_sha256 = $3, response_status, response_body::text FROM operations "
        "WHERE workstation_id = $1 AND idempotency_key = $2",
        {workstationId, key, fingerprint});
    IdempotentAnswer answer;
    if (seen.rows() == 1 && seen.text(0, 0) == "t") {
        answer = IdempotentAnswer{
            static_cast<int>(seen.integer(0, 1)),
            QJsonDocument::fromJson(QByteArray::fromStdString(seen.text(0, 2))).object(), true};
    } else if (seen.rows() == 1) {
        const ApiError reused(422, QStringLiteral("idempotency-key-reused"),
                              QStringLiteral("This Idempotency-Key was used for a different "
                                             "request."),
                              QStringLiteral("Khóa Idempotency-Key này đã dùng cho một yêu cầu "
                                             "khác."));
        answer = IdempotentAnswer{reused.httpStatus(), reused.toJson(), false};
    } else {
        answer = apply();
        if (answer.keep)
            connection.exec(
                "INSERT INTO operations(workstation_id, idempotency_key, dossier_uuid, "
                "operation, base_version, request_sha256, response_status, response_body, "
                "applied) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                {workstationId, key,
                 request.dossierUuid.empty() ? PgParameter() : PgParameter(request.dossierUuid),
                 request.operation,
                 request.baseVersion ? PgParameter(std::to_string(*request.baseVersion))
                                     : PgParameter(),
                 fingerprint, std::to_string(answer.status),
                 QJsonDocument(answer.body).toJson(QJsonDocument::Compact).toStdString(),
                 answer.status == 200 ? "true" : "false"});
    }
    transaction.commit();
    return answer;
}

} // namespace sohoa::hub
