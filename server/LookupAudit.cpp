// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/LookupAudit.h"

#include "server/ApiError.h"
#include "server/PgConnection.h"
#include "server/Workstations.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <stdexcept>

namespace sohoa::hub {

namespace {

constexpr auto kSecretName = "lookup-subject";
constexpr int kSecretBytes = 32;

} // namespace

void LookupAudit::checkRate(PgConnection& connection, const Workstation& workstation, int perHour)
{
    const PgResult window = connection.exec(
        "SELECT count(*), ceil(extract(epoch FROM min(looked_up_at) + interval '1 hour' - now())) "
        "FROM lookups WHERE workstation_id = $1 AND looked_up_at > now() - interval '1 hour'",
        {std::to_string(workstation.id)});
    if (window.integer(0, 0) < perHour)
        return;
    const long long wait = std::max(1LL, window.integer(0, 1));
    throw ApiError(429, QStringLiteral("rate-limited"),
                   QStringLiteral("This workstation made %1 look-ups in the last hour, the most "
                                  "the province allows; try again in %2 seconds.")
                       .arg(perHour)
                       .arg(wait),
                   QStringLiteral("Máy trạm đã tra cứu %1 lần trong một giờ qua, mức tối đa tỉnh "
                                  "cho phép; thử lại sau %2 giây.")
                       .arg(perHour)
                       .arg(wait))
        .withHeader("Retry-After", std::to_string(wait));
}

std::string LookupAudit::subjectHmac(PgConnection& connection, const std::string& idNumber)
{
    // The secret is made once per hub database; a racing first call keeps the other's.
    std::string fresh(kSecretBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(fresh.data()), kSecretBytes) != 1)
        throw std::runtime_error("no random bytes for the look-up secret");
    connection.exec("INSERT INTO hub_secrets(name, secret) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                    {kSecretName, byteaParameter(fresh)});
    const std::string secret =
        connection.exec("SELECT secret FROM hub_secrets WHERE name = $1", {kSecretName})
            .bytes(0, 0);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
              reinterpret_cast<const unsigned char*>(idNumber.data()), idNumber.size(), digest,
              &length))
        throw std::runtime_error("HMAC-SHA-256 failed");
    return std::string(reinterpret_cast<const char*>(digest), length);
}

QString LookupAudit::record(PgConnection& connection, const Workstation& workstation,
                            const std::string& idNumber, const QString& kind,
                            const LookupPurpose& purpose, const QString& source, int resultCount,
                            const QStringList& files)
{
    const auto optional = [](const QString& text) {
        return text.isEmpty() ? PgParameter() : PgParameter(text.toStdString());
    };
    const std::string id =
        connection
            .exec("INSERT INTO lookups(workstation_id, officer_id, kind, purpose_code, "
                  "purpose_dossier, purpose_text, subject_hmac, source, result_count) "
                  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                  {std::to_string(workstation.id), purpose.officerId.toStdString(),
                   kind.toStdString(), purpose.code.toStdString(), optional(purpose.dossierUuid),
                   optional(purpose.text), byteaParameter(subjectHmac(connection, idNumber)),
                   source.toStdString(), std::to_string(resultCount)})
            .text(0, 0);
    for (const QString& sha256 : files)
        connection.exec("INSERT INTO lookup_files(lookup_id, sha256) VALUES ($1, decode($2, "
                        "'hex')) ON CONFLICT DO NOTHING",
                        {id, sha256.toStdString()});
    return QStringLiteral("lk_") + QString::fromStdString(id);
}

std::vector<LookupEntry> LookupAudit::of(PgConnection& connection, const std::string& idNumber)
{
    const PgResult rows = connection.exec(
        "SELECT l.id, w.name, l.officer_id, l.kind, l.purpose_code, l.result_count, "
        "to_char(l.looked_up_at AT TIME ZONE 'Asia/Ho_Chi_Minh', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS\"+07:00\"') "
        "FROM lookups l JOIN workstations w ON w.id = l.workstation_id "
        "WHERE l.subject_hmac = $1 ORDER BY l.looked_up_at",
        {byteaParameter(subjectHmac(connection, idNumber))});
    std::vector<LookupEntry> entries;
    for (int row = 0; row < rows.rows(); ++row)
        entries.push_back(LookupEntry{
            QStringLiteral("lk_") + QString::fromStdString(rows.text(row, 0)),
            QString::fromStdString(rows.text(row, 1)), QString::fromStdString(rows.text(row, 2)),
            QString::fromStdString(rows.text(row, 3)), QString::fromStdString(rows.text(row, 4)),
            static_cast<int>(rows.integer(row, 5)), QString::fromStdString(rows.text(row, 6))});
    return entries;
}

} // namespace sohoa::hub
