// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/DirectoryFileStore.h"

#include <cerrno>
#include <fcntl.h>
#include <fstream>
#include <stdexcept>
#include <system_error>
#include <unistd.h>

namespace sohoa::hub {

namespace fs = std::filesystem;

namespace {

bool isHex(const std::string& text, std::size_t length)
{
    return text.size() == length && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

[[noreturn]] void failed(const std::string& what, const fs::path& path)
{
    throw std::system_error(errno, std::generic_category(), what + " " + path.string());
}

// Closes a descriptor on every path out.
class Descriptor
{
public:
    Descriptor(const fs::path& path, int flags) : fd_(::open(path.c_str(), flags | O_CLOEXEC, 0640))
    {
        if (fd_ < 0)
            failed("cannot open", path);
    }
    ~Descriptor() { ::close(fd_); }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int fd() const { return fd_; }

private:
    int fd_;
};

// A rename or a new file survives a power cut only once its directory is synced too.
void syncDirectory(const fs::path& directory)
{
    const Descriptor handle(directory, O_RDONLY | O_DIRECTORY);
    if (::fsync(handle.fd()) != 0)
        failed("cannot sync", directory);
}

std::unique_ptr<std::istream> openIfPresent(const fs::path& path)
{
    auto stream = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!stream->is_open())
        return nullptr;
    return stream;
}

} // namespace

DirectoryFileStore::DirectoryFileStore(fs::path root) : root_(std::move(root))
{
    fs::create_directories(root_ / "uploads");
}

fs::path DirectoryFileStore::pathOf(const std::string& sha256) const
{
    if (!isHex(sha256, 64))
        throw std::invalid_argument("not a SHA-256 in hex: " + sha256);
    return root_ / sha256.substr(0, 2) / sha256.substr(2, 2) / sha256;
}

fs::path DirectoryFileStore::stagedPathOf(const std::string& uploadId) const
{
    const bool uuid = uploadId.size() == 36 &&
                      uploadId.find_first_not_of("0123456789abcdef-") == std::string::npos;
    if (!uuid)
        throw std::invalid_argument("not an upload id: " + uploadId);
    return root_ / "uploads" / (uploadId + ".part");
}

std::optional<long long> DirectoryFileStore::size(const std::string& sha256) const
{
    std::error_code error;
    const auto bytes = fs::file_size(pathOf(sha256), error);
    if (error)
        return std::nullopt;
    return static_cast<long long>(bytes);
}

bool DirectoryFileStore::has(const std::string& sha256, long long length) const
{
    return size(sha256) == length;
}

std::unique_ptr<std::istream> DirectoryFileStore::open(const std::string& sha256) const
{
    return openIfPresent(pathOf(sha256));
}

long long DirectoryFileStore::stagedLength(const std::string& uploadId) const
{
    std::error_code error;
    const auto bytes = fs::file_size(stagedPathOf(uploadId), error);
    return error ? 0 : static_cast<long long>(bytes);
}

void DirectoryFileStore::stage(const std::string& uploadId, long long offset,
                               std::string_view bytes)
{
    const fs::path path = stagedPathOf(uploadId);
    const Descriptor file(path, O_WRONLY | O_CREAT);
    // Bytes past `offset` are a chunk whose offset never reached the database: dropped.
    if (::ftruncate(file.fd(), offset) != 0)
        failed("cannot truncate", path);
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t now = ::pwrite(file.fd(), bytes.data() + written, bytes.size() - written,
                                     offset + static_cast<off_t>(written));
        if (now < 0 && errno == EINTR)
            continue;
        if (now <= 0)
            failed("cannot write", path);
        written += static_cast<std::size_t>(now);
    }
    if (::fsync(file.fd()) != 0)
        failed("cannot sync", path);
    if (offset == 0)
        syncDirectory(path.parent_path());
}

std::unique_ptr<std::istream> DirectoryFileStore::openStaged(const std::string& uploadId) const
{
    return openIfPresent(stagedPathOf(uploadId));
}

void DirectoryFileStore::commit(const std::string& uploadId, const std::string& sha256)
{
    const fs::path staged = stagedPathOf(uploadId);
    const fs::path target = pathOf(sha256);
    if (fs::create_directories(target.parent_path())) {
        syncDirectory(target.parent_path().parent_path());
        syncDirectory(root_);
    }
    if (fs::exists(target)) {
        fs::remove(staged);
    } else {
        // Atomic within one file system: the hash name holds nothing or the whole file.
        fs::rename(staged, target);
        syncDirectory(target.parent_path());
    }
    syncDirectory(staged.parent_path());
}

void DirectoryFileStore::discard(const std::string& uploadId)
{
    std::error_code ignored;
    fs::remove(stagedPathOf(uploadId), ignored);
}

void DirectoryFileStore::remove(const std::string& sha256)
{
    const fs::path path = pathOf(sha256);
    if (fs::remove(path))
        syncDirectory(path.parent_path());
}

} // namespace sohoa::hub
