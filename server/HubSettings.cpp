// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/HubSettings.h"

#include "server/RevisionParameter.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <stdexcept>

namespace sohoa::hub {

namespace {

void requireDays(const QJsonObject& document, const char* member)
{
    if (!document.contains(QLatin1String(member)))
        return;
    if (!document.value(QLatin1String(member)).isArray())
        throw std::invalid_argument(std::string(member) + " must be a list of yyyy-MM-dd days");
    for (const QJsonValue& day : document.value(QLatin1String(member)).toArray())
        if (!QDate::fromString(day.toString(), Qt::ISODate).isValid())
            throw std::invalid_argument(std::string(member) + ": " + day.toString().toStdString() +
                                        " is not yyyy-MM-dd");
}

void requireAnchors(const QJsonObject& document)
{
    for (const QJsonValue& anchor : document.value("trust_anchors").toArray())
        if (QByteArray::fromBase64(anchor.toObject().value("certificate").toString().toLatin1())
                .isEmpty())
            throw std::invalid_argument("every trust anchor needs its certificate (base64 DER)");
}

} // namespace

long long HubSettings::set(PgConnection& connection, const std::string& json)
{
    const QJsonDocument parsed = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    if (!parsed.isObject())
        throw std::invalid_argument("the settings must be one JSON object");
    const QJsonObject document = parsed.object();
    requireDays(document, "holidays");
    requireDays(document, "make_up_working_days");
    requireAnchors(document);
    const QJsonValue bandwidth = document.value("sync").toObject().value("bandwidth_kbps");
    if (!bandwidth.isUndefined() && (!bandwidth.isDouble() || bandwidth.toInt(-1) < 0))
        throw std::invalid_argument("sync.bandwidth_kbps must be a whole number >= 0");
    return connection
        .exec("INSERT INTO hub_settings(document) VALUES ($1) RETURNING revision",
              {parsed.toJson(QJsonDocument::Compact).toStdString()})
        .integer(0, 0);
}

QJsonObject HubSettings::since(PgConnection& connection, const std::string& since)
{
    const long long known = sinceRevision(since);
    const PgResult current = connection.exec(
        "SELECT revision, document FROM hub_settings ORDER BY revision DESC LIMIT 1");
    const long long revision = current.rows() > 0 ? current.integer(0, 0) : 0;
    if (revision == known)
        return QJsonObject{{"revision", revision}, {"unchanged", true}};
    return QJsonObject{
        {"revision", revision},
        {"unchanged", false},
        {"settings",
         current.rows() > 0
             ? QJsonDocument::fromJson(QByteArray::fromStdString(current.text(0, 1))).object()
             : QJsonObject()}};
}

} // namespace sohoa::hub
