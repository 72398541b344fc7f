// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/HubDecisions.h"

#include "server/ApiError.h"
#include "server/HubLifecycle.h"
#include "server/PgTransaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace sohoa::hub {

namespace {

constexpr long long kDefaultLimit = 100;
constexpr long long kLargestLimit = 500;

// The lifecycle steps taken on the hub rather than at the counter (a supervisor's or the
// national relay's); which state each may follow is HubLifecycle's table.
constexpr std::array<std::string_view, 4> kDecisions = {"return_to_officer", "approve",
                                                        "request_supplement", "mark_synced"};

// A decision row as the feed item of docs/SYNC-PROTOCOL.md §7.3; the columns of kItemColumns.
constexpr auto kItemColumns =
    "h.id, h.dossier_uuid, d.code, h.version, h.decision, h.state, h.national_status, "
    "to_char(h.decided_at AT TIME ZONE INTERVAL '+07:00', "
    "'YYYY-MM-DD\"T\"HH24:MI:SS\"+07:00\"'), h.officer_name, h.officer_title, h.department, "
    "h.remarks FROM hub_decisions h JOIN dossiers d ON d.uuid = h.dossier_uuid";

QJsonObject item(const PgResult& rows, int row)
{
    const auto text = [&](int column) { return QString::fromStdString(rows.text(row, column)); };
    return QJsonObject{{"dossier_uuid", text(1)},
                       {"dossier_code", text(2)},
                       {"version", rows.integer(row, 3)},
                       {"decision", text(4)},
                       {"state", text(5)},
                       {"national_status", rows.integer(row, 6)},
                       {"decided_at", text(7)},
                       {"decided_by", QJsonObject{{"officer_name", text(8)},
                                                  {"officer_title", text(9)},
                                                  {"department", text(10)}}},
                       {"remarks", text(11)}};
}

// A non-negative decimal query parameter; `fallback` when absent.
long long queryNumber(const std::string& value, long long fallback, const QString& name)
{
    if (value.empty())
        return fallback;
    if (value.size() > 18 || value.find_first_not_of("0123456789") != std::string::npos)
        throw ApiError::malformed(name, QStringLiteral("not a number"));
    return std::stoll(value);
}

} // namespace

QJsonObject HubDecisions::take(PgConnection& connection, const DecisionRequest& request)
{
    if (std::find(kDecisions.begin(), kDecisions.end(), request.decision) == kDecisions.end())
        throw std::invalid_argument("unknown decision " + request.decision);
    if (request.by.name.empty())
        throw std::invalid_argument("a decision needs the name of who took it");
    PgTransaction transaction(connection);
    const PgResult held = connection.exec("SELECT uuid, version, state, payload, workstation_id "
                                          "FROM dossiers WHERE code = $1 FOR UPDATE",
                                          {request.dossierCode});
    if (held.rows() == 0)
        throw std::invalid_argument("the hub holds no dossier " + request.dossierCode);
    const std::string state = held.text(0, 2);
    const std::optional<QString> next =
        HubLifecycle::next(QString::fromStdString(state), QString::fromStdString(request.decision));
    if (!next)
        throw std::invalid_argument("dossier " + request.dossierCode + " is " + state +
                                    ", which does not allow " + request.decision);
    const std::string to = next->toStdString();
    const int national = HubLifecycle::nationalStatus(*next).value_or(0);
    const std::string version = std::to_string(held.integer(0, 1) + 1);
    QJsonObject record =
        QJsonDocument::fromJson(QByteArray::fromStdString(held.text(0, 3))).object();
    record.insert(QStringLiteral("state"), *next);
    record.insert(QStringLiteral("national_status"), national);
    const std::string nationalStatus = std::to_string(national);
    connection.exec("UPDATE dossiers SET version = $2, state = $3, national_status = $4, "
                    "payload = $5, updated_at = now() WHERE uuid = $1",
                    {held.text(0, 0), version, to, nationalStatus,
                     QJsonDocument(record).toJson(QJsonDocument::Compact).toStdString()});
    const PgResult decided = connection.exec(
        "INSERT INTO hub_decisions(dossier_uuid, workstation_id, version, decision, state, "
        "national_status, officer_name, officer_title, department, remarks) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        {held.text(0, 0), held.text(0, 4), version, request.decision, to, nationalStatus,
         request.by.name, request.by.title, request.by.department, request.remarks});
    const PgResult taken = connection.exec(
        std::string("SELECT ") + kItemColumns + " WHERE h.id = $1", {decided.text(0, 0)});
    transaction.commit();
    return item(taken, 0);
}

QJsonObject HubDecisions::feed(PgConnection& connection, const Workstation& workstation,
                               const std::string& since, const std::string& limit)
{
    const long long after = queryNumber(since, 0, QStringLiteral("since"));
    const long long count = queryNumber(limit, kDefaultLimit, QStringLiteral("limit"));
    if (count < 1 || count > kLargestLimit)
        throw ApiError::malformed(QStringLiteral("limit"), QStringLiteral("must be 1..500"));
    // One more than asked: whether there is more.
    const PgResult rows = connection.exec(
        std::string("SELECT ") + kItemColumns +
            " WHERE h.workstation_id = $1 AND h.id > $2 ORDER BY h.id LIMIT $3",
        {std::to_string(workstation.id), std::to_string(after), std::to_string(count + 1)});
    const int shown = std::min(rows.rows(), static_cast<int>(count));
    QJsonArray items;
    for (int row = 0; row < shown; ++row)
        items.append(item(rows, row));
    const long long next = shown > 0 ? rows.integer(shown - 1, 0) : after;
    return QJsonObject{{"items", items},
                       {"next_cursor", QString::number(next)},
                       {"has_more", rows.rows() > shown}};
}

} // namespace sohoa::hub
