// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/DossierOperations.h"

#include "server/ApiError.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>
#include <openssl/evp.h>

namespace sohoa::hub {

namespace {

struct Operation
{
    std::string dossierUuid;
    int baseVersion = 0;
    std::string kind;
    bool testData = false;
    QJsonObject payload;
    std::string code; // MaHoSo
};

ApiError invalid(const QString& what)
{
    return ApiError(400, QStringLiteral("invalid-operation"),
                    QStringLiteral("The operation is malformed: %1.").arg(what),
                    QStringLiteral("Thao tác gửi lên không hợp lệ: %1.").arg(what));
}

bool isUuid(const std::string& text)
{
    return !QUuid::fromString(QString::fromStdString(text)).isNull() && text.size() == 36;
}

Operation parse(const std::string& body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(body), &error);
    if (!document.isObject())
        throw invalid(QStringLiteral("not a JSON object"));
    const QJsonObject json = document.object();
    Operation operation;
    operation.dossierUuid = json.value("dossier_uuid").toString().toLower().toStdString();
    operation.baseVersion = json.value("base_version").toInt(-1);
    operation.kind = json.value("operation").toString().toStdString();
    operation.testData = json.value("test_data").toBool();
    operation.payload = json.value("payload").toObject();
    operation.code = operation.payload.value("MaHoSo").toString().toStdString();
    if (!isUuid(operation.dossierUuid))
        throw invalid(QStringLiteral("dossier_uuid is not a UUID"));
    if (operation.baseVersion < 0)
        throw invalid(QStringLiteral("base_version is missing"));
    static const QRegularExpression kinds(QStringLiteral("^dossier\\.(create|update|transition)$"));
    if (!kinds.match(QString::fromStdString(operation.kind)).hasMatch())
        throw invalid(QStringLiteral("unknown operation"));
    if (operation.code.empty())
        throw invalid(QStringLiteral("payload.MaHoSo is missing"));
    const int status = operation.payload.value("TrangThaiHoSo").toInt();
    if (status < 1 || status > 10)
        throw invalid(QStringLiteral("payload.TrangThaiHoSo must be 1..10"));
    return operation;
}

std::string sha256(const std::string& bytes)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr);
    return std::string(reinterpret_cast<const char*>(digest), size);
}

std::string compact(const QJsonObject& json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact).toStdString();
}

// The agency is the code's first part: "<agency>-<yymmdd>-<sequence>".
std::string agencyOf(const std::string& code)
{
    return code.substr(0, code.find('-'));
}

OperationAnswer refused(const ApiError& error)
{
    return OperationAnswer{error.httpStatus(), error.toJson(), false};
}

OperationAnswer applyInTransaction(PgConnection& connection, const Workstation& workstation,
                                   const Operation& operation, bool acceptTestData)
{
    if (operation.testData && !acceptTestData)
        return refused(ApiError(
            403, QStringLiteral("test-data-refused"),
            QStringLiteral("This dossier is test data (demo signature or test scanner); a "
                           "production hub does not accept it."),
            QStringLiteral("Hồ sơ này là dữ liệu thử nghiệm (chữ ký thử nghiệm hoặc máy quét "
                           "thử); máy chủ chính thức không tiếp nhận.")));

    const PgResult current = connection.exec(
        "SELECT version FROM dossiers WHERE uuid = $1 FOR UPDATE", {operation.dossierUuid});
    const int currentVersion = current.rows() == 1 ? static_cast<int>(current.integer(0, 0)) : 0;
    if (currentVersion != operation.baseVersion)
        return refused(ApiError(
            409, QStringLiteral("stale-version"),
            QStringLiteral("The dossier changed on the hub since this workstation last saw it "
                           "(version %1, not %2).")
                .arg(currentVersion)
                .arg(operation.baseVersion),
            QStringLiteral("Hồ sơ đã thay đổi trên máy chủ tỉnh kể từ lần đồng bộ trước "
                           "(phiên bản %1, không phải %2).")
                .arg(currentVersion)
                .arg(operation.baseVersion),
            QJsonObject{{"current_version", currentVersion}}));

    if (connection
            .exec("SELECT 1 FROM dossiers WHERE code = $1 AND uuid <> $2",
                  {operation.code, operation.dossierUuid})
            .rows() > 0)
        return refused(ApiError(409, QStringLiteral("dossier-code-taken"),
                                QStringLiteral("Another dossier already has the code %1.")
                                    .arg(QString::fromStdString(operation.code)),
                                QStringLiteral("Mã hồ sơ %1 đã thuộc về một hồ sơ khác.")
                                    .arg(QString::fromStdString(operation.code))));

    const int version = currentVersion + 1;
    if (currentVersion == 0)
        connection.exec("INSERT INTO dossiers(uuid, code, agency_code, version, test_data, "
                        "payload, workstation_id) VALUES ($1, $2, $3, 1, $4, $5, $6)",
                        {operation.dossierUuid, operation.code, agencyOf(operation.code),
                         operation.testData ? "true" : "false", compact(operation.payload),
                         std::to_string(workstation.id)});
    else
        connection.exec("UPDATE dossiers SET version = $2, code = $3, test_data = $4, "
                        "payload = $5, updated_at = now() WHERE uuid = $1",
                        {operation.dossierUuid, std::to_string(version), operation.code,
                         operation.testData ? "true" : "false", compact(operation.payload)});
    return OperationAnswer{
        200,
        QJsonObject{{"dossier_uuid", QString::fromStdString(operation.dossierUuid)},
                    {"version", version},
                    {"code", QString::fromStdString(operation.code)}},
        false};
}

} // namespace

OperationAnswer DossierOperations::apply(PgConnection& connection, const Workstation& workstation,
                                         const std::string& idempotencyKey, const std::string& body,
                                         bool acceptTestData)
{
    const std::string key = QString::fromStdString(idempotencyKey).toLower().toStdString();
    if (!isUuid(key))
        throw ApiError(400, QStringLiteral("idempotency-key-missing"),
                       QStringLiteral("Every operation needs an Idempotency-Key header (a UUID)."),
                       QStringLiteral("Mỗi thao tác cần tiêu đề Idempotency-Key (một UUID)."));
    const Operation operation = parse(body);
    const std::string requestHash = byteaParameter(sha256(body));

    connection.execScript("BEGIN");
    try {
        // Two deliveries of one operation (a retry racing the original) queue here.
        connection.exec("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", {key});
        const PgResult seen =
            connection.exec("SELECT request_sha256 = $2, response_status, response_body::text "
                            "FROM operations WHERE idempotency_key = $1",
                            {key, requestHash});
        OperationAnswer answer;
        if (seen.rows() == 1) {
            if (seen.text(0, 0) != "t")
                answer = refused(ApiError(
                    422, QStringLiteral("idempotency-key-reused"),
                    QStringLiteral("This Idempotency-Key was used for a different operation."),
                    QStringLiteral("Khóa Idempotency-Key này đã dùng cho một thao tác khác.")));
            else
                answer = OperationAnswer{
                    static_cast<int>(seen.integer(0, 1)),
                    QJsonDocument::fromJson(QByteArray::fromStdString(seen.text(0, 2))).object(),
                    true};
            connection.execScript("COMMIT");
            return answer;
        }
        answer = applyInTransaction(connection, workstation, operation, acceptTestData);
        connection.exec("INSERT INTO operations(idempotency_key, workstation_id, dossier_uuid, "
                        "operation, base_version, request_sha256, response_status, "
                        "response_body, applied) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                        {key, std::to_string(workstation.id), operation.dossierUuid, operation.kind,
                         std::to_string(operation.baseVersion), requestHash,
                         std::to_string(answer.status), compact(answer.body),
                         answer.status == 200 ? "true" : "false"});
        connection.execScript("COMMIT");
        return answer;
    } catch (...) {
        try {
            connection.execScript("ROLLBACK");
        } catch (const PgError&) {
            // The connection is gone; the pool replaces it.
        }
        throw;
    }
}

} // namespace sohoa::hub
