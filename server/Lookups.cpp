// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/Lookups.h"

#include "server/ApiError.h"
#include "server/CivilStatusSource.h"
#include "server/LookupAudit.h"
#include "server/PgTransaction.h"
#include "server/ReusableDocuments.h"
#include "server/Workstations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace sohoa::hub {

namespace {

constexpr int kLongestPurposeText = 200;

struct LookupCall
{
    std::string idNumber;
    LookupPurpose purpose;
};

// The request body of both look-ups (LookupRequest in server/openapi.yaml).
LookupCall parsed(const std::string& body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(body), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw ApiError::malformed(QStringLiteral("/"), QStringLiteral("not a JSON object"));
    const QJsonObject request = document.object();

    static const QRegularExpression idNumber(QStringLiteral("^[0-9A-Z]{7,12}(-[0-9]{3})?$"));
    const QString id = request.value("id_number").toString();
    if (!idNumber.match(id).hasMatch())
        throw ApiError::validationFailed(QStringLiteral("/id_number"),
                                         QStringLiteral("is not a personal identifier"));
    LookupCall call{id.toStdString(), {}};
    call.purpose.officerId = request.value("officer_id").toString().trimmed();
    if (call.purpose.officerId.isEmpty())
        throw ApiError::validationFailed(QStringLiteral("/officer_id"),
                                         QStringLiteral("is missing"));

    const QJsonObject purpose = request.value("purpose").toObject();
    call.purpose.code = purpose.value("code").toString();
    if (call.purpose.code.isEmpty())
        throw ApiError(422, QStringLiteral("purpose-missing"),
                       QStringLiteral("A look-up needs its purpose (the law allows personal data "
                                      "to be processed only for a stated purpose)."),
                       QStringLiteral("Tra cứu phải nêu mục đích (pháp luật chỉ cho phép xử lý dữ "
                                      "liệu cá nhân theo mục đích đã nêu)."));
    static const QRegularExpression purposeCode(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    if (!purposeCode.match(call.purpose.code).hasMatch())
        throw ApiError::validationFailed(QStringLiteral("/purpose/code"),
                                         QStringLiteral("is not a purpose code"));
    call.purpose.dossierUuid = purpose.value("dossier_uuid").toString();
    if (!call.purpose.dossierUuid.isEmpty() && QUuid::fromString(call.purpose.dossierUuid).isNull())
        throw ApiError::validationFailed(QStringLiteral("/purpose/dossier_uuid"),
                                         QStringLiteral("is not a UUID"));
    call.purpose.text = purpose.value("text").toString();
    // The audit keeps the text in plain: it must not become a list of looked-up IDs.
    static const QRegularExpression longNumber(QStringLiteral("[0-9]{7,}"));
    if (call.purpose.text.size() > kLongestPurposeText ||
        longNumber.match(call.purpose.text).hasMatch())
        throw ApiError::validationFailed(QStringLiteral("/purpose/text"),
                                         QStringLiteral("is longer than 200 characters or holds "
                                                        "an identifier"));
    return call;
}

} // namespace

Lookups::Lookups(const CivilStatusSource& civilStatus, int perHour)
    : civilStatus_(civilStatus), perHour_(perHour)
{
}

QJsonObject Lookups::documents(PgConnection& connection, const Workstation& workstation,
                               const std::string& body) const
{
    const LookupCall call = parsed(body);
    PgTransaction transaction(connection);
    LookupAudit::checkRate(connection, workstation, perHour_);
    const QJsonArray documents = ReusableDocuments::of(connection, call.idNumber);
    QStringList files;
    for (const QJsonValue& document : documents)
        files << document.toObject().value("sha256").toString();
    const QString lookupId =
        LookupAudit::record(connection, workstation, call.idNumber, QStringLiteral("documents"),
                            call.purpose, QStringLiteral("hub"), int(documents.size()), files);
    transaction.commit();
    return QJsonObject{{"lookup_id", lookupId}, {"documents", documents}};
}

QJsonObject Lookups::civilStatus(PgConnection& connection, const Workstation& workstation,
                                 const std::string& body) const
{
    const LookupCall call = parsed(body);
    PgTransaction transaction(connection);
    LookupAudit::checkRate(connection, workstation, perHour_);
    CivilStatusRecords records;
    try {
        records = civilStatus_.recordsOf(connection, call.idNumber);
    } catch (const CivilStatusUnavailable&) {
        throw ApiError(503, QStringLiteral("civil-status-source-unavailable"),
                       QStringLiteral("The civil-status database cannot answer now; try again "
                                      "later."),
                       QStringLiteral("Cơ sở dữ liệu hộ tịch điện tử chưa trả lời được; vui lòng "
                                      "thử lại sau."))
            .withHeader("Retry-After", "30");
    }
    const QString lookupId =
        LookupAudit::record(connection, workstation, call.idNumber, QStringLiteral("civil-status"),
                            call.purpose, civilStatus_.name(), int(records.count()));
    transaction.commit();
    return QJsonObject{{"lookup_id", lookupId},
                       {"source", civilStatus_.name()},
                       {"births", records.births},
                       {"marriages", records.marriages},
                       {"deaths", records.deaths}};
}

} // namespace sohoa::hub
