// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/FileStore.h"

#include <filesystem>

namespace sohoa::hub {

// A FileStore in a directory: file `abcd…` (64 hex digits) is ROOT/ab/cd/abcd…, two levels of
// at most 256 folders spreading the files; upload ID is staged in ROOT/uploads/ID.part. Every write
// is fsync'ed before it is acknowledged, and commit() is a rename() within ROOT followed by an
// fsync of both directories. Back it up together with the database (docs/HUB.md).
// Throws std::system_error when the file system refuses, std::invalid_argument for a name that
// is not a hash or a UUID (never a path out of ROOT).
class DirectoryFileStore : public FileStore
{
public:
    explicit DirectoryFileStore(std::filesystem::path root);

    bool has(const std::string& sha256, long long length) const override;
    std::optional<long long> size(const std::string& sha256) const override;
    std::unique_ptr<std::istream> open(const std::string& sha256) const override;
    long long stagedLength(const std::string& uploadId) const override;
    void stage(const std::string& uploadId, long long offset, std::string_view bytes) override;
    std::unique_ptr<std::istream> openStaged(const std::string& uploadId) const override;
    void commit(const std::string& uploadId, const std::string& sha256) override;
    void discard(const std::string& uploadId) override;
    void remove(const std::string& sha256) override;

    std::filesystem::path pathOf(const std::string& sha256) const;
    std::filesystem::path stagedPathOf(const std::string& uploadId) const;

private:
    std::filesystem::path root_;
};

} // namespace sohoa::hub
