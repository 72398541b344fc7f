// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/FileStore.h"
#include "server/PgConnection.h"

namespace sohoa::hub {

struct CleanupLimits
{
    int uploadDays = 7; // an upload nobody touched for this long is abandoned
    int fileDays = 30;  // a stored file no dossier refers to after this long is dropped
    bool dryRun = false;
};

struct CleanupReport
{
    int uploads = 0; // upload records removed (complete or not)
    long long stagedBytes = 0;
    int files = 0; // stored files removed
    long long fileBytes = 0;
};

// The hub's housekeeping (`sohoa-hub admin cleanup`, docs/HUB.md), safe while the hub serves:
// upload records untouched for `uploadDays` and their staged bytes (a workstation that comes
// back gets 404 on HEAD and starts the upload again), and stored files that no dossier's
// component refers to, stored more than `fileDays` ago (a workstation whose attach row was
// refused for good, a test). Each file goes under an exclusive lock on its hash (FileLocks): a
// dossier that comes to refer to it meanwhile keeps it, and a file removed just before an attach
// row is answered `file-not-uploaded`, which the workstation retries after uploading it again.
class HubCleanup
{
public:
    static CleanupReport run(PgConnection& connection, FileStore& files,
                             const CleanupLimits& limits);
};

} // namespace sohoa::hub
