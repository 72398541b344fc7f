// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace sohoa::hub {

// Where the hub keeps the contents of files (docs/SYNC-PROTOCOL.md §9), addressed by their
// SHA-256 in lowercase hex and never changed once stored. An upload in progress is staged
// under its id (a UUID) and becomes visible under its hash only through commit(), in one atomic
// step: a hub killed at any moment leaves the whole file or none under a hash name. Which
// hashes the hub holds is PostgreSQL's `files` table; the store only keeps the bytes.
//
// DirectoryFileStore keeps them on a local or mounted file system; the second implementation
// will be S3-compatible object storage (staging as a multipart upload, commit as a copy to the
// hash's key).
class FileStore
{
public:
    virtual ~FileStore() = default;

    // Whether the file `sha256` is stored with exactly `length` bytes.
    virtual bool has(const std::string& sha256, long long length) const = 0;
    // The stored file's size, or nothing when it is not stored.
    virtual std::optional<long long> size(const std::string& sha256) const = 0;
    // The stored file's bytes, or null when it is not stored.
    virtual std::unique_ptr<std::istream> open(const std::string& sha256) const = 0;

    // Bytes staged for an upload so far (0 when none).
    virtual long long stagedLength(const std::string& uploadId) const = 0;
    // Writes `bytes` at `offset` of the upload's staged data, replacing whatever followed
    // `offset`, and makes them durable before it returns.
    virtual void stage(const std::string& uploadId, long long offset, std::string_view bytes) = 0;
    virtual std::unique_ptr<std::istream> openStaged(const std::string& uploadId) const = 0;
    // Stores the staged data as the file `sha256` (the caller checked the hash). When that file
    // is stored already (another workstation was first), the staged copy is dropped.
    virtual void commit(const std::string& uploadId, const std::string& sha256) = 0;
    virtual void discard(const std::string& uploadId) = 0;
    // Removes the file `sha256` (HubCleanup: no dossier refers to it); nothing when absent.
    virtual void remove(const std::string& sha256) = 0;
};

} // namespace sohoa::hub
