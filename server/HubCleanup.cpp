// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/HubCleanup.h"

#include "server/FileLocks.h"

namespace sohoa::hub {

namespace {

// Whether any dossier's component lists the file among its documents.
constexpr auto kReferenced =
    "EXISTS (SELECT 1 FROM dossiers d "
    "CROSS JOIN LATERAL jsonb_array_elements(d.payload->'components') AS c(value) "
    "CROSS JOIN LATERAL jsonb_array_elements(c.value->'documents') AS doc(value) "
    "WHERE doc.value->>'sha256' = encode(f.sha256, 'hex'))";

void removeUploads(PgConnection& connection, FileStore& files, const CleanupLimits& limits,
                   CleanupReport& report)
{
    const std::string days = std::to_string(limits.uploadDays);
    // A PATCH holds its row FOR UPDATE: the DELETE waits for it and then sees it touched.
    const PgResult stale =
        connection.exec(limits.dryRun ? "SELECT id::text FROM uploads "
                                        "WHERE updated_at < now() - make_interval(days => $1::int)"
                                      : "DELETE FROM uploads "
                                        "WHERE updated_at < now() - make_interval(days => $1::int) "
                                        "RETURNING id::text",
                        {days});
    for (int row = 0; row < stale.rows(); ++row) {
        const std::string id = stale.text(row, 0);
        report.stagedBytes += files.stagedLength(id);
        if (!limits.dryRun)
            files.discard(id);
    }
    report.uploads = stale.rows();
}

void removeUnreferencedFiles(PgConnection& connection, FileStore& files,
                             const CleanupLimits& limits, CleanupReport& report)
{
    const PgResult candidates = connection.exec(
        std::string("SELECT encode(f.sha256, 'hex'), f.length FROM files f "
                    "WHERE f.stored_at < now() - make_interval(days => $1::int) AND NOT ") +
            kReferenced,
        {std::to_string(limits.fileDays)});
    for (int row = 0; row < candidates.rows(); ++row) {
        const std::string sha256 = candidates.text(row, 0);
        if (!limits.dryRun) {
            const ExclusiveFileLock lock(connection, sha256);
            // Looked at again under the lock: a dossier may have come to refer to it.
            const PgResult removed = connection.exec(
                std::string("DELETE FROM files f WHERE f.sha256 = decode($1, 'hex') AND NOT ") +
                    kReferenced + " RETURNING 1",
                {sha256});
            if (removed.rows() == 0)
                continue;
            // After the row: a crash in between leaves bytes nobody lists, never the reverse.
            files.remove(sha256);
        }
        ++report.files;
        report.fileBytes += candidates.integer(row, 1);
    }
}

} // namespace

CleanupReport HubCleanup::run(PgConnection& connection, FileStore& files,
                              const CleanupLimits& limits)
{
    CleanupReport report;
    removeUploads(connection, files, limits, report);
    removeUnreferencedFiles(connection, files, limits, report);
    return report;
}

} // namespace sohoa::hub
