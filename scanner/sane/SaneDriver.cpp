// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/sane/SaneDriver.h"

#include "scanner/sane/SaneCapabilities.h"
#include "scanner/sane/SaneFrameReader.h"
#include "scanner/sane/SaneHandle.h"
#include "scanner/sane/SaneOptions.h"
#include "scanner/sane/SaneScanSetup.h"
#include "scanner/sane/SaneStatus.h"

#include <mutex>
#include <optional>
#include <sane/sane.h>
#include <utility>

namespace sohoa::scanner::sane {

namespace {

struct Library
{
    std::mutex mutex;
    int users = 0;
    SANE_Int version = 0;
};

Library& library()
{
    static Library instance;
    return instance;
}

std::string text(const char* s)
{
    return s != nullptr ? std::string(s) : std::string();
}

} // namespace

SaneDriver::SaneDriver()
{
    Library& lib = library();
    const std::lock_guard lock(lib.mutex);
    if (lib.users == 0) {
        SANE_Int version = 0;
        const SANE_Status status = sane_init(&version, nullptr);
        if (status != SANE_STATUS_GOOD) {
            throwStatus(status, "cannot initialise the SANE library");
        }
        lib.version = version;
    }
    ++lib.users;
}

SaneDriver::~SaneDriver()
{
    Library& lib = library();
    const std::lock_guard lock(lib.mutex);
    if (--lib.users == 0) {
        sane_exit();
    }
}

std::string SaneDriver::libraryVersion() const
{
    Library& lib = library();
    const std::lock_guard lock(lib.mutex);
    const auto v = static_cast<unsigned int>(lib.version);
    return std::to_string((v >> 24) & 0xffu) + "." + std::to_string((v >> 16) & 0xffu) + "." +
           std::to_string(v & 0xffffu);
}

std::vector<DeviceInfo> SaneDriver::listDevices()
{
    const std::lock_guard lock(library().mutex);
    const SANE_Device** devices = nullptr;
    const SANE_Status status = sane_get_devices(&devices, SANE_FALSE);
    if (status != SANE_STATUS_GOOD) {
        throwStatus(status, "cannot list scanners");
    }
    std::vector<DeviceInfo> out;
    for (const SANE_Device** d = devices; d != nullptr && *d != nullptr; ++d) {
        out.push_back(DeviceInfo{text((*d)->name), text((*d)->vendor), text((*d)->model),
                                 text((*d)->type), kDriverName});
    }
    return out;
}

Capabilities SaneDriver::capabilities(const std::string& deviceId)
{
    const std::lock_guard lock(library().mutex);
    SaneHandle handle(deviceId);
    SaneOptions options(handle.get(), deviceId);
    return readCapabilities(options);
}

void SaneDriver::scan(const std::string& deviceId, const ScanOptions& request, PageSink& sink,
                      const CancelToken& cancel)
{
    const std::lock_guard lock(library().mutex);
    if (cancel.isCancelled()) {
        throw ScanError(ScanStatus::Cancelled, "scan cancelled before it started");
    }
    SaneHandle handle(deviceId); // sane_cancel + sane_close on every way out
    SaneOptions options(handle.get(), deviceId);
    const AppliedSettings settings = applyScanOptions(options, request, deviceId);

    const bool feeder = request.source != Source::Flatbed;
    int delivered = 0;
    while (true) {
        if (cancel.isCancelled()) {
            handle.cancel();
            throw ScanError(ScanStatus::Cancelled,
                            "scan cancelled after " + std::to_string(delivered) + " page(s)");
        }
        const int page = delivered + 1;
        const SANE_Status started = sane_start(handle.get());
        std::optional<Frame> frame;
        if (started == SANE_STATUS_GOOD) {
            frame = readPage(PageRequest{handle.get(), page, settings.dpi}, sink, cancel);
        } else if (started != SANE_STATUS_NO_DOCS) {
            throwStatus(started,
                        "cannot start page " + std::to_string(page) + " on '" + deviceId + "'");
        }
        if (!frame) {
            // The feeder is empty: the normal end of a batch, unless nothing was scanned.
            if (feeder && delivered > 0) {
                break;
            }
            throw ScanError(ScanStatus::NoDocuments,
                            describe(SANE_STATUS_NO_DOCS, "no page to scan on '" + deviceId + "'"));
        }
        sink.onPage(std::move(*frame));
        ++delivered;
        if (!feeder || (request.maxPages > 0 && delivered >= request.maxPages)) {
            break;
        }
    }
}

} // namespace sohoa::scanner::sane
