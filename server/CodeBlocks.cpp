// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/CodeBlocks.h"

#include "server/ApiError.h"
#include "server/CodeCounters.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace sohoa::hub {

namespace {

constexpr int kMaxDays = 14;
constexpr int kMaxSize = 1000;
constexpr int kVietnamOffsetSeconds = 7 * 3600;

struct Reservation
{
    QString agency;
    QDate firstDay;
    int days = 0;
    int size = 0;
};

int boundedInteger(const QJsonObject& json, const QString& name, int largest)
{
    const QJsonValue value = json.value(name);
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number != static_cast<int>(number) || number < 1 || number > largest)
        throw ApiError::malformed(QLatin1Char('/') + name,
                                  QStringLiteral("must be an integer from 1 to %1").arg(largest));
    return static_cast<int>(number);
}

Reservation parse(const QJsonObject& json)
{
    Reservation reservation;
    reservation.agency = json.value("agency_code").toString();
    if (reservation.agency.isEmpty())
        throw ApiError::malformed(QStringLiteral("/agency_code"), QStringLiteral("missing"));
    reservation.days = boundedInteger(json, QStringLiteral("days"), kMaxDays);
    reservation.size = boundedInteger(json, QStringLiteral("size"), kMaxSize);
    if (json.contains("first_day")) {
        reservation.firstDay = QDate::fromString(json.value("first_day").toString(), Qt::ISODate);
        if (!reservation.firstDay.isValid())
            throw ApiError::malformed(QStringLiteral("/first_day"),
                                      QStringLiteral("not a yyyy-MM-dd date"));
    } else {
        // Counters count Vietnamese calendar days, whatever the hub's own zone.
        reservation.firstDay =
            QDateTime::currentDateTimeUtc().addSecs(kVietnamOffsetSeconds).date();
    }
    return reservation;
}

IdempotentAnswer granted(PgConnection& connection, const Workstation& workstation,
                         const Reservation& reservation)
{
    if (!workstation.registeredFor(reservation.agency)) {
        const ApiError refusal = ApiError::agencyNotAllowed(reservation.agency);
        return IdempotentAnswer{refusal.httpStatus(), refusal.toJson(), false, false};
    }
    QJsonArray blocks;
    // Days in ascending order, so two reservations lock the same counters in the same order.
    for (int offset = 0; offset < reservation.days; ++offset) {
        const QDate day = reservation.firstDay.addDays(offset);
        const auto range =
            CodeCounters::take(connection, reservation.agency, day, reservation.size);
        if (!range)
            continue; // the day's numbers are all taken: no block for it
        const PgResult block = connection.exec(
            "INSERT INTO code_blocks(workstation_id, agency_code, day, first_sequence, "
            "last_sequence) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            {std::to_string(workstation.id), reservation.agency.toStdString(),
             day.toString(Qt::ISODate).toStdString(), std::to_string(range->first),
             std::to_string(range->last)});
        blocks.append(QJsonObject{{"block_id", QStringLiteral("cb_%1").arg(block.integer(0, 0))},
                                  {"agency_code", reservation.agency},
                                  {"day", day.toString(Qt::ISODate)},
                                  {"first", range->first},
                                  {"last", range->last}});
    }
    return IdempotentAnswer{
        200, QJsonObject{{"blocks", blocks}, {"sequence_width", CodeCounters::kSequenceWidth}}};
}

} // namespace

IdempotentAnswer CodeBlocks::reserve(PgConnection& connection, const Workstation& workstation,
                                     const std::string& idempotencyKey, const std::string& body)
{
    const std::string key = IdempotentRequests::checkedKey(idempotencyKey);
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(body));
    if (!document.isObject())
        throw ApiError::malformed(QStringLiteral("/"), QStringLiteral("not a JSON object"));
    const Reservation reservation = parse(document.object());
    RecordedRequest request;
    request.path = "/v1/code-blocks";
    request.canonical = document.toJson(QJsonDocument::Compact).toStdString();
    request.operation = "code-blocks";
    return IdempotentRequests::run(connection, workstation, key, request,
                                   [&] { return granted(connection, workstation, reservation); });
}

bool CodeBlocks::reservedTo(PgConnection& connection, const Workstation& workstation,
                            const HubDossierCode& code)
{
    return connection
               .exec("SELECT 1 FROM code_blocks WHERE workstation_id = $1 AND agency_code = $2 "
                     "AND day = $3 AND $4 BETWEEN first_sequence AND last_sequence",
                     {std::to_string(workstation.id), code.agency.toStdString(),
                      code.day.toString(Qt::ISODate).toStdString(), std::to_string(code.sequence)})
               .rows() > 0;
}

} // namespace sohoa::hub
