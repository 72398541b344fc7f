// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/Enrolments.h"

#include "server/ApiError.h"
#include "server/EnrolmentCode.h"
#include "server/HubCatalogue.h"
#include "server/IdempotentRequests.h"
#include "server/PgTransaction.h"
#include "server/Sha256.h"
#include "server/Workstations.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <stdexcept>

namespace sohoa::hub {

namespace {

constexpr qsizetype kLongestName = 100;
constexpr qsizetype kLongestAgencyCode = 35;

ApiError codeInvalid()
{
    return ApiError(403, QStringLiteral("enrolment-code-invalid"),
                    QStringLiteral("The enrolment code is unknown, already used or expired. Check "
                                   "it, or ask the province for a new one."),
                    QStringLiteral("Mã đăng ký máy trạm không hợp lệ, đã được dùng hoặc đã hết "
                                   "hạn. Hãy kiểm tra lại hoặc đề nghị tỉnh cấp mã mới."));
}

QString requireString(const QJsonObject& json, const char* member)
{
    const QJsonValue value = json.value(QLatin1String(member));
    if (!value.isString())
        throw ApiError::malformed(QLatin1Char('/') + QLatin1String(member),
                                  QStringLiteral("missing or not a string"));
    return value.toString();
}

// Checks the request against the contract and returns its code as typed: only the code decides
// which workstation enrols (the name the counter gives itself is not the province's).
std::string parseCode(const std::string& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(body));
    if (!document.isObject())
        throw ApiError::malformed(QStringLiteral("/"), QStringLiteral("not a JSON object"));
    const QJsonObject json = document.object();
    const std::string code = requireString(json, "enrolment_code").toStdString();
    const QString name = requireString(json, "workstation_name");
    if (name.isEmpty() || name.size() > kLongestName)
        throw ApiError::malformed(QStringLiteral("/workstation_name"),
                                  QStringLiteral("must have 1 to %1 characters").arg(kLongestName));
    requireString(json, "software_version");
    if (!QDateTime::fromString(requireString(json, "client_time"), Qt::ISODate).isValid())
        throw ApiError::malformed(QStringLiteral("/client_time"),
                                  QStringLiteral("not an RFC 3339 date-time"));
    return code;
}

// The agencies a workstation enrolled with serves: the code's, else the workstation's own. The
// hub has no register of agency names yet, so names are empty.
QJsonArray agenciesOf(const std::string& codeAgencies, const Workstation& workstation)
{
    QStringList codes = QString::fromStdString(codeAgencies).split(',', Qt::SkipEmptyParts);
    if (codes.isEmpty() && !workstation.agencyCode.empty())
        codes << QString::fromStdString(workstation.agencyCode);
    QJsonArray agencies;
    for (const QString& code : codes)
        agencies.append(QJsonObject{{"code", code}, {"name", QString()}});
    return agencies;
}

} // namespace

IssuedEnrolmentCode Enrolments::issue(PgConnection& connection, const std::string& workstationName,
                                      const std::vector<std::string>& agencyCodes, int validHours)
{
    if (workstationName.empty())
        throw std::invalid_argument("an enrolment code needs the workstation's name");
    static const QRegularExpression agencyPattern(QStringLiteral("^[0-9A-Z]+(\\.[0-9A-Z]+)*$"));
    std::string array = "{";
    for (const std::string& agency : agencyCodes) {
        const QString code = QString::fromStdString(agency);
        if (code.size() > kLongestAgencyCode || !agencyPattern.match(code).hasMatch())
            throw std::invalid_argument("\"" + agency +
                                        "\" is no agency code (e.g. 000.00.53.H48 or H55.242)");
        array += (array.size() > 1 ? "," : "") + agency;
    }
    array += "}";
    // Every enrolled workstation learns its agency (the answer lists at least one).
    if (agencyCodes.empty() &&
        connection
                .exec("SELECT 1 FROM workstations WHERE name = $1 AND agency_code <> ''",
                      {workstationName})
                .rows() == 0)
        throw std::invalid_argument("a new workstation's enrolment code needs its agency "
                                    "(--agency CODE)");
    IssuedEnrolmentCode issued;
    issued.code = EnrolmentCode::generate();
    issued.expiresAt =
        connection
            .exec("INSERT INTO enrolment_codes(code_sha256, workstation_name, agency_codes, "
                  "expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4::int)) "
                  "RETURNING expires_at",
                  {byteaParameter(Sha256::of(*EnrolmentCode::canonical(issued.code))),
                   workstationName, array, std::to_string(validHours)})
            .text(0, 0);
    return issued;
}

QJsonObject Enrolments::redeem(PgConnection& connection, const std::string& idempotencyKey,
                               const std::string& body)
{
    const std::string key = IdempotentRequests::checkedKey(idempotencyKey);
    const std::optional<std::string> code = EnrolmentCode::canonical(parseCode(body));
    if (!code)
        throw codeInvalid();

    PgTransaction transaction(connection);
    // Locked: a racing repeat waits, then sees the code consumed.
    const PgResult held = connection.exec(
        "SELECT id, workstation_name, array_to_string(agency_codes, ','), "
        "coalesce(idempotency_key::text, ''), coalesce(token_id, 0) FROM enrolment_codes "
        "WHERE code_sha256 = $1 AND expires_at > now() FOR UPDATE",
        {byteaParameter(Sha256::of(*code))});
    if (held.rows() != 1)
        throw codeInvalid();
    const std::string consumedBy = held.text(0, 3);
    if (!consumedBy.empty() && consumedBy != key)
        throw codeInvalid();
    if (const long long lostToken = held.integer(0, 4); lostToken != 0)
        Workstations::revokeToken(connection, lostToken);

    const std::string agencies = held.text(0, 2);
    const Workstation workstation =
        Workstations::ensure(connection, held.text(0, 1), agencies.substr(0, agencies.find(',')));
    const IssuedToken token = Workstations::issueToken(connection, workstation.id);
    connection.exec("UPDATE enrolment_codes SET consumed_at = coalesce(consumed_at, now()), "
                    "idempotency_key = $2, token_id = $3 WHERE id = $1",
                    {held.text(0, 0), key, std::to_string(token.id)});
    transaction.commit();
    return QJsonObject{
        {"workstation_id", QStringLiteral("ws_%1").arg(workstation.id)},
        {"workstation_name", QString::fromStdString(workstation.name)},
        {"token", QString::fromStdString(token.token)},
        {"agencies", agenciesOf(agencies, workstation)},
        // The hub pushes no settings here yet (§7): revision 0.
        {"settings",
         QJsonObject{{"revision", 0}, {"unchanged", false}, {"settings", QJsonObject{}}}},
        {"catalogue_revision", HubCatalogue::head(connection).revision},
        {"server_time", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
}

} // namespace sohoa::hub
