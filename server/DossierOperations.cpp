// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/DossierOperations.h"

#include "server/ApiError.h"
#include "server/CatalogueCheck.h"
#include "server/CodeBlocks.h"
#include "server/CodeCounters.h"
#include "server/ComponentAttachment.h"
#include "server/DossierTransition.h"
#include "server/HubCatalogue.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <optional>

namespace sohoa::hub {

namespace {

constexpr auto kCreate = "dossier.create";
constexpr auto kUpdate = "dossier.update";
constexpr auto kTransition = "dossier.transition";
constexpr auto kAttach = "component.attach";

struct Operation
{
    std::string dossierUuid;
    int baseVersion = 0;
    std::string kind;
    QJsonObject payload;
    bool testData = false;
    std::string canonical;              // the body re-serialized: keys sorted, no whitespace
    std::optional<HubDossierCode> code; // dossier.create's
};

// What the hub holds of a dossier, locked for the operation's transaction.
struct HeldDossier
{
    int version = 0; // 0: not held
    long long workstationId = 0;
    bool testData = false;
    QJsonObject record;      // payload.dossier as last applied
    QString provisionalCode; // the code the workstation created it under, when the hub assigned
};

void requireNationalStatus(const QJsonValue& value, const QString& pointer)
{
    if (!value.isDouble())
        throw ApiError::malformed(pointer, QStringLiteral("missing"));
    const int status = value.toInt();
    if (status < 1 || status > 10)
        throw ApiError::validationFailed(pointer, QStringLiteral("must be 1..10 (TrangThaiHoSo)"));
}

Operation parse(const std::string& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(body));
    if (!document.isObject())
        throw ApiError::malformed(QStringLiteral("/"), QStringLiteral("not a JSON object"));
    const QJsonObject json = document.object();
    Operation operation;
    operation.canonical = document.toJson(QJsonDocument::Compact).toStdString();
    operation.dossierUuid = json.value("dossier_uuid").toString().toLower().toStdString();
    operation.baseVersion = json.value("base_version").toInt(-1);
    operation.kind = json.value("operation").toString().toStdString();
    operation.payload = json.value("payload").toObject();
    operation.testData = operation.payload.value("test_data").toBool();
    if (!isUuid(operation.dossierUuid))
        throw ApiError::malformed(QStringLiteral("/dossier_uuid"), QStringLiteral("not a UUID"));
    if (operation.baseVersion < 0)
        throw ApiError::malformed(QStringLiteral("/base_version"), QStringLiteral("missing"));
    if (!json.value("payload").isObject())
        throw ApiError::malformed(QStringLiteral("/payload"), QStringLiteral("missing"));

    if (operation.kind == kCreate) {
        const QJsonObject dossier = operation.payload.value("dossier").toObject();
        operation.code = HubDossierCode::parse(dossier.value("code").toString());
        if (!operation.code)
            throw ApiError::malformed(QStringLiteral("/payload/dossier/code"),
                                      QStringLiteral("not <agency>-<yymmdd>-<sequence> or "
                                                     "<agency>-<yymmdd>-P<4 digits>"));
        if (operation.code->provisional != operation.payload.value("code_provisional").toBool())
            throw ApiError::validationFailed(QStringLiteral("/payload/code_provisional"),
                                             QStringLiteral("must be true exactly for a P code"));
        requireNationalStatus(dossier.value("national_status"),
                              QStringLiteral("/payload/dossier/national_status"));
    } else if (operation.kind == kTransition) {
        DossierTransition::validate(operation.payload);
        requireNationalStatus(operation.payload.value("national_status"),
                              QStringLiteral("/payload/national_status"));
    } else if (operation.kind == kAttach) {
        ComponentAttachment::validate(operation.payload);
    } else if (operation.kind != kUpdate) {
        throw ApiError(422, QStringLiteral("operation-unknown"),
                       QStringLiteral("The hub does not know the operation \"%1\".")
                           .arg(QString::fromStdString(operation.kind)),
                       QStringLiteral("Máy chủ tỉnh không biết thao tác \"%1\".")
                           .arg(QString::fromStdString(operation.kind)));
    }
    return operation;
}

std::string compact(const QJsonObject& json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact).toStdString();
}

IdempotentAnswer refused(const ApiError& error)
{
    return IdempotentAnswer{error.httpStatus(), error.toJson(), false};
}

HeldDossier lockDossier(PgConnection& connection, const std::string& uuid)
{
    const PgResult row =
        connection.exec("SELECT version, workstation_id, test_data, payload, "
                        "coalesce(provisional_code, '') FROM dossiers WHERE uuid = $1 FOR UPDATE",
                        {uuid});
    if (row.rows() == 0)
        return {};
    return HeldDossier{static_cast<int>(row.integer(0, 0)), row.integer(0, 1),
                       row.text(0, 2) == "t",
                       QJsonDocument::fromJson(QByteArray::fromStdString(row.text(0, 3))).object(),
                       QString::fromStdString(row.text(0, 4))};
}

// Rows the workstation wrote before it learnt the assigned code still name the provisional
// one in their file names (`<code>.01.pdf`); the hub keeps the assigned one.
QJsonObject underAssignedCode(QJsonObject payload, const HeldDossier& held)
{
    const QString provisional = held.provisionalCode + QLatin1Char('.');
    const QString assigned = held.record.value("code").toString() + QLatin1Char('.');
    QJsonObject component = payload.value("component").toObject();
    QJsonArray documents = component.value("documents").toArray();
    for (qsizetype i = 0; i < documents.size(); ++i) {
        QJsonObject document = documents.at(i).toObject();
        const QString name = document.value("file_name").toString();
        if (name.startsWith(provisional))
            document.insert(QStringLiteral("file_name"), assigned + name.mid(provisional.size()));
        documents.replace(i, document);
    }
    component.insert(QStringLiteral("documents"), documents);
    payload.insert(QStringLiteral("component"), component);
    return payload;
}

// A new dossier's code (docs/SYNC-PROTOCOL.md §8): a definitive code must lie in a block
// reserved to the workstation; a provisional one gets the next number of the agency's day
// from the master counter, written into `record` and reported in `codeReplaced`. Returns the
// refusal, if any.
std::optional<IdempotentAnswer> settleCode(PgConnection& connection, const Workstation& workstation,
                                           const HubDossierCode& code, QJsonObject& record,
                                           QJsonValue& codeReplaced)
{
    if (!workstation.registeredFor(code.agency)) {
        IdempotentAnswer notYet = refused(ApiError::agencyNotAllowed(code.agency));
        notYet.keep = false; // the province may still register the workstation for it
        return notYet;
    }
    if (!code.provisional) {
        if (CodeBlocks::reservedTo(connection, workstation, code))
            return std::nullopt;
        const QString text = record.value("code").toString();
        return refused(ApiError(
            422, QStringLiteral("dossier-code-not-reserved"),
            QStringLiteral("The dossier code %1 is not in a block reserved to this workstation.")
                .arg(text),
            QStringLiteral("Mã hồ sơ %1 không thuộc dải số đã cấp cho máy trạm này.").arg(text)));
    }
    const auto number = CodeCounters::take(connection, code.agency, code.day, 1);
    if (!number)
        return refused(
            ApiError(422, QStringLiteral("dossier-codes-exhausted"),
                     QStringLiteral("Agency %1 has no dossier number left for %2.")
                         .arg(code.agency, code.day.toString(Qt::ISODate)),
                     QStringLiteral("Cơ quan %1 đã hết số hồ sơ của ngày %2.")
                         .arg(code.agency, code.day.toString(QStringLiteral("dd/MM/yyyy")))));
    const QString assigned = HubDossierCode::definitive(code.agency, code.day, number->first,
                                                        CodeCounters::kSequenceWidth);
    codeReplaced = QJsonObject{{"provisional", record.value("code")}, {"assigned", assigned}};
    record.insert(QStringLiteral("code"), assigned);
    return std::nullopt;
}

// The dossier record after the operation: create takes it whole; update replaces the
// dossier-level fields but never the code, state or status; a transition moves state and
// status and adds its progress entry.
QJsonObject recordAfter(const Operation& operation, const HeldDossier& held)
{
    if (operation.kind == kCreate)
        return operation.payload.value("dossier").toObject();
    QJsonObject record = held.record;
    if (operation.kind == kUpdate) {
        const QJsonObject fields = operation.payload.value("dossier").toObject();
        for (auto field = fields.begin(); field != fields.end(); ++field)
            if (field.key() != QLatin1String("code") && field.key() != QLatin1String("state") &&
                field.key() != QLatin1String("national_status"))
                record.insert(field.key(), field.value());
        return record;
    }
    if (operation.kind == kAttach)
        return ComponentAttachment::recordWith(record, operation.payload);
    return DossierTransition::recordWith(record, operation.payload);
}

IdempotentAnswer applyLocked(PgConnection& connection, const Workstation& workstation,
                             const Operation& operation, bool acceptTestData)
{
    const HeldDossier held = lockDossier(connection, operation.dossierUuid);
    if (held.version == 0 && operation.kind != kCreate)
        return refused(ApiError(404, QStringLiteral("dossier-unknown"),
                                QStringLiteral("The hub does not hold this dossier."),
                                QStringLiteral("Máy chủ tỉnh không có hồ sơ này.")));
    if (held.version > 0 && held.workstationId != workstation.id)
        return refused(ApiError(403, QStringLiteral("dossier-not-owned"),
                                QStringLiteral("Another workstation owns this dossier."),
                                QStringLiteral("Hồ sơ này thuộc một máy trạm khác.")));
    if (held.version != operation.baseVersion)
        return refused(ApiError(
            409, QStringLiteral("stale-version"),
            QStringLiteral("The dossier changed on the hub since this workstation last saw it "
                           "(version %1, not %2).")
                .arg(held.version)
                .arg(operation.baseVersion),
            QStringLiteral("Hồ sơ đã thay đổi trên máy chủ tỉnh kể từ lần đồng bộ trước "
                           "(phiên bản %1, không phải %2).")
                .arg(held.version)
                .arg(operation.baseVersion),
            QJsonObject{
                {"current_version", held.version},
                {"current", QJsonObject{{"state", held.record.value("state")},
                                        {"national_status", held.record.value("national_status")},
                                        {"code", held.record.value("code")}}}}));
    if ((operation.testData || held.testData) && !acceptTestData)
        return refused(ApiError(
            403, QStringLiteral("test-data-refused"),
            QStringLiteral("This dossier is test data (demo signature or test scanner); a "
                           "production hub does not accept it."),
            QStringLiteral("Hồ sơ này là dữ liệu thử nghiệm (chữ ký thử nghiệm hoặc máy quét "
                           "thử); máy chủ chính thức không tiếp nhận.")));

    if (auto refusal =
            CatalogueCheck::refusal(connection, operation.kind, operation.payload, held.record))
        return refused(*refusal);
    if (operation.kind == kTransition)
        if (const auto refusal = DossierTransition::refusal(held.record.value("state").toString(),
                                                            operation.payload))
            return refused(*refusal);
    if (operation.kind == kAttach) {
        if (!ComponentAttachment::stateAllows(held.record.value("state").toString()))
            return refused(
                ApiError(422, QStringLiteral("transition-not-allowed"),
                         QStringLiteral("The dossier's files can no longer change (state %1).")
                             .arg(held.record.value("state").toString()),
                         QStringLiteral("Không thể thay đổi tệp của hồ sơ ở trạng thái %1.")
                             .arg(held.record.value("state").toString())));
        const QStringList missing =
            ComponentAttachment::missingFiles(connection, operation.payload);
        if (!missing.isEmpty()) {
            IdempotentAnswer notYet =
                refused(ApiError(422, QStringLiteral("file-not-uploaded"),
                                 QStringLiteral("Upload the component's files first."),
                                 QStringLiteral("Cần tải các tệp của thành phần hồ sơ lên trước."),
                                 QJsonObject{{"missing", QJsonArray::fromStringList(missing)}}));
            notYet.keep = false;
            return notYet;
        }
    }
    QJsonValue codeReplaced = QJsonValue::Null;
    QJsonObject record;
    if (held.version == 0) {
        record = recordAfter(operation, held);
        if (auto refusal =
                settleCode(connection, workstation, *operation.code, record, codeReplaced))
            return *refusal;
    } else {
        Operation mapped = operation;
        if (!held.provisionalCode.isEmpty() && operation.kind == kAttach)
            mapped.payload = underAssignedCode(operation.payload, held);
        record = recordAfter(mapped, held);
    }
    // MaLinhVuc comes from the province's catalogue: the workstation's starter catalogue has
    // the field's name only (docs/SYNC-PROTOCOL.md §6.1).
    if (operation.kind == kCreate || operation.kind == kUpdate)
        record.insert(
            QStringLiteral("field_code"),
            HubCatalogue::fieldCode(connection, record.value("procedure_code").toString()));
    const std::string code = record.value("code").toString().toStdString();
    if (connection
            .exec("SELECT 1 FROM dossiers WHERE code = $1 AND uuid <> $2",
                  {code, operation.dossierUuid})
            .rows() > 0)
        return refused(ApiError(409, QStringLiteral("dossier-code-taken"),
                                QStringLiteral("Another dossier already has the code %1.")
                                    .arg(QString::fromStdString(code)),
                                QStringLiteral("Mã hồ sơ %1 đã thuộc về một hồ sơ khác.")
                                    .arg(QString::fromStdString(code))));

    const int version = held.version + 1;
    const std::string testData = operation.testData || held.testData ? "true" : "false";
    const std::string state = record.value("state").toString().toStdString();
    const std::string nationalStatus = std::to_string(record.value("national_status").toInt());
    if (held.version == 0)
        connection.exec(
            "INSERT INTO dossiers(uuid, code, agency_code, version, state, "
            "national_status, test_data, payload, workstation_id, provisional_code) "
            "VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, $9)",
            {operation.dossierUuid, code, record.value("agency_code").toString().toStdString(),
             state, nationalStatus, testData, compact(record), std::to_string(workstation.id),
             codeReplaced.isNull()
                 ? PgParameter()
                 : PgParameter(
                       codeReplaced.toObject().value("provisional").toString().toStdString())});
    else
        connection.exec("UPDATE dossiers SET version = $2, state = $3, national_status = $4, "
                        "test_data = $5, payload = $6, updated_at = now() WHERE uuid = $1",
                        {operation.dossierUuid, std::to_string(version), state, nationalStatus,
                         testData, compact(record)});
    QJsonArray filesHeld;
    for (const QJsonValue& document :
         operation.payload.value("component").toObject().value("documents").toArray())
        filesHeld.append(document.toObject().value("sha256"));
    const QJsonObject receipt{{"dossier_code", record.value("code")},
                              {"state", record.value("state")},
                              {"national_status", record.value("national_status")},
                              {"code_replaced", codeReplaced},
                              {"files_held", filesHeld}};
    return IdempotentAnswer{
        200,
        QJsonObject{{"dossier_uuid", QString::fromStdString(operation.dossierUuid)},
                    {"version", version},
                    {"operation", QString::fromStdString(operation.kind)},
                    {"applied_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                    {"receipt", receipt}},
        false};
}

} // namespace

IdempotentAnswer DossierOperations::apply(PgConnection& connection, const Workstation& workstation,
                                          const std::string& idempotencyKey,
                                          const std::string& body, bool acceptTestData)
{
    const std::string key = IdempotentRequests::checkedKey(idempotencyKey);
    const Operation operation = parse(body);
    RecordedRequest request;
    request.path = "/v1/operations";
    request.canonical = operation.canonical;
    request.operation = operation.kind;
    request.dossierUuid = operation.dossierUuid;
    request.baseVersion = operation.baseVersion;
    return IdempotentRequests::run(connection, workstation, key, request, [&] {
        return applyLocked(connection, workstation, operation, acceptTestData);
    });
}

} // namespace sohoa::hub
