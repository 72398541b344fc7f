// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace sohoa::hub {

class FileStore;
class PgConnection;
struct Workstation;

// Who may download a held file (docs/SYNC-PROTOCOL.md §9.1): a workstation gets the files a
// look-up returned to it in the last 24 hours (to reuse them) and the files of its own
// dossiers; any other hash is unknown to it, so knowing a hash never opens a citizen's file.
class FileDownloads
{
public:
    // The file's size once the download is allowed and audited; throws ApiError 404
    // file-unknown otherwise.
    static long long allow(PgConnection& connection, const Workstation& workstation,
                           const FileStore& files, const std::string& sha256);
};

} // namespace sohoa::hub
