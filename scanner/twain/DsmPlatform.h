// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a TWAIN session needs from the platform: the source manager's entry point, its memory
// functions and the window messages a source listens to. On Windows that is TWAINDSM.dll and a
// hidden window (TwainDsmLoader_win.cpp); the tests play a data source behind it.

#include "scanner/twain/TwainTypes.h"

namespace sohoa::scanner::twain {

class DsmPlatform
{
public:
    virtual ~DsmPlatform() = default;

    DsmPlatform() = default;
    DsmPlatform(const DsmPlatform&) = delete;
    DsmPlatform& operator=(const DsmPlatform&) = delete;

    // DSM_Entry.
    virtual TW_UINT16 entry(TW_IDENTITY* origin, TW_IDENTITY* dest, TW_UINT32 dg, TW_UINT16 dat,
                            TW_UINT16 msg, TW_MEMREF data) = 0;

    // A TWAIN 2 DSM answered DAT_ENTRYPOINT: allocate() and friends must use its functions.
    virtual void useEntryPoint(const TW_ENTRYPOINT& entryPoint) = 0;

    // Memory for capability containers (both sides free each other's through these).
    virtual TW_HANDLE allocate(TW_UINT32 bytes) = 0;
    virtual void release(TW_HANDLE handle) = 0;
    virtual TW_MEMREF lock(TW_HANDLE handle) = 0;
    virtual void unlock(TW_HANDLE handle) = 0;

    // The window the session registers with the DSM (DAT_PARENT) and the source.
    virtual TW_HANDLE parentWindow() = 0;

    // Waits a short while (tens of milliseconds) for the next window message and returns it
    // (the session hands it to the source through DAT_EVENT), or nullptr when none came.
    virtual TW_MEMREF nextEvent() = 0;
    // A message the source did not claim (TWRC_NOTDSEVENT): dispatch it normally.
    virtual void dispatchEvent(TW_MEMREF event) = 0;
};

} // namespace sohoa::scanner::twain
