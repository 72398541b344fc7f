// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/FileDownloads.h"

#include "server/ApiError.h"
#include "server/FileStore.h"
#include "server/PgConnection.h"
#include "server/Workstations.h"

#include <QRegularExpression>

namespace sohoa::hub {

long long FileDownloads::allow(PgConnection& connection, const Workstation& workstation,
                               const FileStore& files, const std::string& sha256)
{
    const ApiError unknown(404, QStringLiteral("file-unknown"),
                           QStringLiteral("The hub has no such file for this workstation."),
                           QStringLiteral("Máy chủ tỉnh không có tệp này cho máy trạm."));
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (!hex.match(QString::fromStdString(sha256)).hasMatch())
        throw unknown;
    const std::string workstationId = std::to_string(workstation.id);
    const PgResult allowed = connection.exec(
        "SELECT f.length FROM files f WHERE f.sha256 = decode($2, 'hex') AND ("
        " EXISTS (SELECT 1 FROM lookup_files lf JOIN lookups l ON l.id = lf.lookup_id"
        "  WHERE lf.sha256 = f.sha256 AND l.workstation_id = $1"
        "  AND l.looked_up_at > now() - interval '24 hours')"
        " OR EXISTS (SELECT 1 FROM dossiers d"
        "  CROSS JOIN LATERAL jsonb_array_elements(d.payload->'components') AS c(value)"
        "  CROSS JOIN LATERAL jsonb_array_elements(c.value->'documents') AS doc(value)"
        "  WHERE d.workstation_id = $1 AND doc.value->>'sha256' = $2))",
        {workstationId, sha256});
    if (allowed.rows() == 0)
        throw unknown;
    const long long length = allowed.integer(0, 0);
    if (!files.has(sha256, length))
        throw std::runtime_error("file " + sha256 + " is in the database but not in the store");
    connection.exec("INSERT INTO file_downloads(workstation_id, sha256) VALUES ($1, decode($2, "
                    "'hex'))",
                    {workstationId, sha256});
    return length;
}

} // namespace sohoa::hub
