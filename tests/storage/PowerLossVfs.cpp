// SPDX-License-Identifier: GPL-3.0-or-later
#include "PowerLossVfs.h"

#include <cstring>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <sqlcipher/sqlite3.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace sohoa::testing {

namespace {
struct Undo
{
    sqlite3_int64 offset;
    std::vector<char> before;
};

struct FileState
{
    sqlite3_int64 syncedSize = 0;
    std::vector<Undo> undo; // in write order
};

struct Shim
{
    sqlite3_vfs vfs{};
    sqlite3_vfs* real = nullptr;
    bool honourSyncs = true;
    std::mutex mutex;
    std::map<std::string, FileState> files;
};
Shim shim;

struct ShimFile
{
    sqlite3_file base;
    std::string* path;
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

ShimFile* shimFile(sqlite3_file* file)
{
    return reinterpret_cast<ShimFile*>(file);
}

sqlite3_int64 sizeOf(sqlite3_file* real)
{
    sqlite3_int64 size = 0;
    real->pMethods->xFileSize(real, &size);
    return size;
}

// Saves the bytes in [offset, offset + amount) that already exist, before they change.
void remember(ShimFile* file, sqlite3_int64 offset, sqlite3_int64 amount)
{
    const sqlite3_int64 size = sizeOf(file->real());
    if (offset >= size)
        return;
    const auto length = static_cast<std::size_t>(std::min(amount, size - offset));
    Undo undo{offset, std::vector<char>(length)};
    file->real()->pMethods->xRead(file->real(), undo.before.data(), static_cast<int>(length),
                                  offset);
    std::lock_guard lock(shim.mutex);
    shim.files[*file->path].undo.push_back(std::move(undo));
}

int shimClose(sqlite3_file* file)
{
    ShimFile* f = shimFile(file);
    const int rc = f->real()->pMethods->xClose(f->real());
    delete f->path;
    return rc;
}
int shimRead(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset)
{
    return shimFile(file)->real()->pMethods->xRead(shimFile(file)->real(), buffer, amount, offset);
}
int shimWrite(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset)
{
    ShimFile* f = shimFile(file);
    remember(f, offset, amount);
    return f->real()->pMethods->xWrite(f->real(), buffer, amount, offset);
}
int shimTruncate(sqlite3_file* file, sqlite3_int64 size)
{
    ShimFile* f = shimFile(file);
    remember(f, size, sizeOf(f->real()) - size);
    return f->real()->pMethods->xTruncate(f->real(), size);
}
int shimSync(sqlite3_file* file, int flags)
{
    ShimFile* f = shimFile(file);
    const int rc = f->real()->pMethods->xSync(f->real(), flags);
    if (rc == SQLITE_OK && shim.honourSyncs) {
        std::lock_guard lock(shim.mutex);
        FileState& state = shim.files[*f->path];
        state.undo.clear();
        state.syncedSize = sizeOf(f->real());
    }
    return rc;
}
int shimFileSize(sqlite3_file* file, sqlite3_int64* size)
{
    return shimFile(file)->real()->pMethods->xFileSize(shimFile(file)->real(), size);
}
int shimLock(sqlite3_file* file, int level)
{
    return shimFile(file)->real()->pMethods->xLock(shimFile(file)->real(), level);
}
int shimUnlock(sqlite3_file* file, int level)
{
    return shimFile(file)->real()->pMethods->xUnlock(shimFile(file)->real(), level);
}
int shimCheckReservedLock(sqlite3_file* file, int* out)
{
    return shimFile(file)->real()->pMethods->xCheckReservedLock(shimFile(file)->real(), out);
}
int shimFileControl(sqlite3_file* file, int op, void* arg)
{
    return shimFile(file)->real()->pMethods->xFileControl(shimFile(file)->real(), op, arg);
}
int shimSectorSize(sqlite3_file* file)
{
    return shimFile(file)->real()->pMethods->xSectorSize(shimFile(file)->real());
}
int shimDeviceCharacteristics(sqlite3_file* file)
{
    // Never claim atomic or sequential writes: the simulation loses them like any other.
    return shimFile(file)->real()->pMethods->xDeviceCharacteristics(shimFile(file)->real()) &
           ~(SQLITE_IOCAP_ATOMIC | SQLITE_IOCAP_SAFE_APPEND | SQLITE_IOCAP_SEQUENTIAL |
             SQLITE_IOCAP_POWERSAFE_OVERWRITE);
}
int shimShmMap(sqlite3_file* file, int page, int size, int extend, void volatile** out)
{
    return shimFile(file)->real()->pMethods->xShmMap(shimFile(file)->real(), page, size, extend,
                                                     out);
}
int shimShmLock(sqlite3_file* file, int offset, int n, int flags)
{
    return shimFile(file)->real()->pMethods->xShmLock(shimFile(file)->real(), offset, n, flags);
}
void shimShmBarrier(sqlite3_file* file)
{
    shimFile(file)->real()->pMethods->xShmBarrier(shimFile(file)->real());
}
int shimShmUnmap(sqlite3_file* file, int deleteFlag)
{
    return shimFile(file)->real()->pMethods->xShmUnmap(shimFile(file)->real(), deleteFlag);
}

const sqlite3_io_methods kMethods = {
    2, // no memory-mapped I/O: every byte goes through xWrite, where it is remembered
    shimClose,
    shimRead,
    shimWrite,
    shimTruncate,
    shimSync,
    shimFileSize,
    shimLock,
    shimUnlock,
    shimCheckReservedLock,
    shimFileControl,
    shimSectorSize,
    shimDeviceCharacteristics,
    shimShmMap,
    shimShmLock,
    shimShmBarrier,
    shimShmUnmap,
    nullptr,
    nullptr};

int shimOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags)
{
    ShimFile* f = shimFile(file);
    f->base.pMethods = nullptr;
    const int rc = shim.real->xOpen(shim.real, name, f->real(), flags, outFlags);
    if (rc != SQLITE_OK)
        return rc;
    f->path = new std::string(name ? name : "");
    {
        std::lock_guard lock(shim.mutex);
        if (shim.files.find(*f->path) == shim.files.end())
            shim.files[*f->path].syncedSize = sizeOf(f->real());
    }
    f->base.pMethods = &kMethods;
    return SQLITE_OK;
}

int shimDelete(sqlite3_vfs*, const char* name, int syncDir)
{
    {
        std::lock_guard lock(shim.mutex);
        shim.files.erase(name);
    }
    return shim.real->xDelete(shim.real, name, syncDir);
}
} // namespace

void installPowerLossVfs(bool honourSyncs)
{
    shim.real = sqlite3_vfs_find(nullptr);
    shim.honourSyncs = honourSyncs;
    shim.vfs = *shim.real;
    shim.vfs.zName = "powerloss";
    shim.vfs.szOsFile = static_cast<int>(sizeof(ShimFile)) + shim.real->szOsFile;
    shim.vfs.xOpen = shimOpen;
    shim.vfs.xDelete = shimDelete;
    sqlite3_vfs_register(&shim.vfs, 1);
}

void simulatePowerLoss()
{
    std::lock_guard lock(shim.mutex);
    for (auto& [path, state] : shim.files) {
        const int fd = ::open(path.c_str(), O_WRONLY);
        if (fd < 0)
            continue;
        for (auto it = state.undo.rbegin(); it != state.undo.rend(); ++it)
            if (::pwrite(fd, it->before.data(), it->before.size(), it->offset) < 0)
                break;
        [[maybe_unused]] const int cut = ::ftruncate(fd, state.syncedSize);
        ::close(fd);
        const std::string shm = path + "-shm";
        if (path.size() > 4 && path.compare(path.size() - 4, 4, "-wal") != 0 &&
            ::truncate(shm.c_str(), 0) != 0) {
            // No shared-memory index to forget.
        }
    }
}

} // namespace sohoa::testing
