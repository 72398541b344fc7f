// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// ScannerDriver on libsane (Linux). No SANE header here: users link sohoa_scanner only.

#include "scanner/ScannerDriver.h"

#include <string>
#include <vector>

namespace sohoa::scanner::sane {

// libsane is one library-wide state: the first SaneDriver alive calls sane_init, the last one
// destroyed calls sane_exit, and every call into libsane is serialised by one process-wide
// lock (a scan holds it until it ends, so listDevices/capabilities wait for a running scan).
// Cancelling never needs the lock. To use a private SANE configuration
// (SaneConfig.h) set it up before the first SaneDriver is created.
class SaneDriver final : public ScannerDriver
{
public:
    // Throws ScanError when libsane cannot be initialised.
    SaneDriver();
    ~SaneDriver() override;

    std::vector<DeviceInfo> listDevices() override;
    Capabilities capabilities(const std::string& deviceId) override;
    void scan(const std::string& deviceId, const ScanOptions& options, PageSink& sink,
              const CancelToken& cancel) override;

    // "1.2.1"-style version of the SANE library in use (for logs and bug reports).
    std::string libraryVersion() const;

    static constexpr const char* kDriverName = "sane";
};

} // namespace sohoa::scanner::sane
