// SPDX-License-Identifier: GPL-3.0-or-later
#ifdef _WIN32

#include "scanner/ScanError.h"
#include "scanner/twain/TwainDsmLoader.h"

#include <bit>
#include <windows.h>

namespace sohoa::scanner::twain {

namespace {

// The DSM, its TWAIN 2 memory functions and a message-only window whose queue carries the
// source's notifications (the source posts them to the window given in DAT_PARENT).
class WindowsDsm final : public DsmPlatform
{
public:
    WindowsDsm()
    {
        library_ = LoadLibraryW(L"TWAINDSM.dll");
        if (library_ == nullptr) {
            throw ScanError(ScanStatus::DeviceNotFound,
                            "TWAINDSM.dll not found: install the TWAIN Data Source Manager");
        }
        entry_ = std::bit_cast<DsmEntryProc>(GetProcAddress(library_, "DSM_Entry"));
        window_ = CreateWindowExW(0, L"STATIC", L"SoHoa TWAIN", 0, 0, 0, 0, 0, HWND_MESSAGE,
                                  nullptr, nullptr, nullptr);
        if (entry_ == nullptr || window_ == nullptr) {
            cleanUp();
            throw ScanError(ScanStatus::Unknown, "TWAINDSM.dll has no DSM_Entry, or no window");
        }
    }
    ~WindowsDsm() override { cleanUp(); }

    TW_UINT16 entry(TW_IDENTITY* origin, TW_IDENTITY* dest, TW_UINT32 dg, TW_UINT16 dat,
                    TW_UINT16 msg, TW_MEMREF data) override
    {
        return entry_(origin, dest, dg, dat, msg, data);
    }

    void useEntryPoint(const TW_ENTRYPOINT& entryPoint) override { memory_ = entryPoint; }

    // A TWAIN 1 DSM has no memory functions; containers are then moveable global memory.
    TW_HANDLE allocate(TW_UINT32 bytes) override
    {
        return memory_.DSM_MemAllocate != nullptr ? memory_.DSM_MemAllocate(bytes)
                                                  : GlobalAlloc(GHND, bytes);
    }
    void release(TW_HANDLE handle) override
    {
        if (memory_.DSM_MemFree != nullptr) {
            memory_.DSM_MemFree(handle);
        } else {
            GlobalFree(handle);
        }
    }
    TW_MEMREF lock(TW_HANDLE handle) override
    {
        return memory_.DSM_MemLock != nullptr ? memory_.DSM_MemLock(handle) : GlobalLock(handle);
    }
    void unlock(TW_HANDLE handle) override
    {
        if (memory_.DSM_MemUnlock != nullptr) {
            memory_.DSM_MemUnlock(handle);
        } else {
            GlobalUnlock(handle);
        }
    }

    TW_HANDLE parentWindow() override { return window_; }

    TW_MEMREF nextEvent() override
    {
        MsgWaitForMultipleObjects(0, nullptr, FALSE, 50, QS_ALLINPUT);
        return PeekMessageW(&message_, nullptr, 0, 0, PM_REMOVE) != 0 ? &message_ : nullptr;
    }

    void dispatchEvent(TW_MEMREF event) override
    {
        const MSG* message = static_cast<const MSG*>(event);
        TranslateMessage(message);
        DispatchMessageW(message);
    }

private:
    void cleanUp() noexcept
    {
        if (window_ != nullptr) {
            DestroyWindow(window_);
        }
        if (library_ != nullptr) {
            FreeLibrary(library_);
        }
    }

    HMODULE library_ = nullptr;
    DsmEntryProc entry_ = nullptr;
    HWND window_ = nullptr;
    TW_ENTRYPOINT memory_{};
    MSG message_{};
};

} // namespace

std::unique_ptr<DsmPlatform> loadSystemDsm()
{
    return std::make_unique<WindowsDsm>();
}

} // namespace sohoa::scanner::twain

#endif // _WIN32
