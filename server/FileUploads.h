// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/FileStore.h"
#include "server/PgConnection.h"
#include "server/Workstations.h"

#include <QJsonObject>
#include <string>
#include <string_view>

namespace sohoa::hub {

// A tus PATCH as it arrived: its headers as sent and its body.
struct UploadChunk
{
    std::string offset;      // Upload-Offset
    std::string checksum;    // Upload-Checksum: "sha256 <base64 of the digest>"
    std::string contentType; // must be application/offset+octet-stream
    std::string_view bytes;
};

// Where an upload stands; complete when offset == length.
struct UploadProgress
{
    std::string id;
    long long offset = 0;
    long long length = 0;
};

// Files (docs/SYNC-PROTOCOL.md §9): which hashes the hub lacks, and tus 1.0.0 uploads
// (creation, checksum) into a FileStore. An upload belongs to the workstation that created it
// (another's id is 404 upload-unknown, as an unknown one). Its offset lives in PostgreSQL and
// moves only after the chunk was checked against its Upload-Checksum and made durable in the
// store, in one transaction holding the upload's row lock, so PATCHes of one upload are
// serialized. The staged bytes must agree with that offset; after a crash between the two,
// the smaller wins and the rest is dropped. The last chunk makes the hub hash the whole file
// (streamed from the store): equal to the declared SHA-256, the file is committed to the store
// and then recorded in `files`; different, the upload is discarded (422 file-hash-mismatch).
// Refusals are ApiErrors.
class FileUploads
{
public:
    FileUploads(FileStore& store, long long maxFileSize, bool acceptTestData);

    // POST /v1/files/missing: {"sha256": [...]} → {"missing": [...]} in request order.
    QJsonObject missing(PgConnection& connection, const std::string& body) const;
    // POST /v1/uploads with Upload-Length and Upload-Metadata. Complete at once (offset ==
    // length) when the hub holds the file already.
    UploadProgress create(PgConnection& connection, const Workstation& workstation,
                          const std::string& uploadLength, const std::string& metadata) const;
    // HEAD /v1/uploads/{id}.
    UploadProgress progress(PgConnection& connection, const Workstation& workstation,
                            const std::string& id) const;
    // PATCH /v1/uploads/{id}: the offset after the chunk.
    long long append(PgConnection& connection, const Workstation& workstation,
                     const std::string& id, const UploadChunk& chunk) const;

    long long maxFileSize() const { return maxFileSize_; }

private:
    FileStore& store_;
    long long maxFileSize_;
    bool acceptTestData_;
};

} // namespace sohoa::hub
