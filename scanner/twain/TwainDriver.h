// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// ScannerDriver on TWAIN (Windows). Each call loads the DSM through `openDsm`, runs one
// TwainSession and closes it again, on the calling thread: TWAIN sources answer on the thread
// whose window they were given.

#include "scanner/ScannerDriver.h"
#include "scanner/twain/DsmPlatform.h"

#include <functional>
#include <memory>

namespace sohoa::scanner::twain {

class TwainDriver final : public ScannerDriver
{
public:
    // Returns a platform with the DSM loaded, or throws ScanError (see TwainDsmLoader.h for
    // the Windows one).
    using DsmFactory = std::function<std::unique_ptr<DsmPlatform>()>;

    explicit TwainDriver(DsmFactory openDsm);

    std::vector<DeviceInfo> listDevices() override;
    Capabilities capabilities(const std::string& deviceId) override;
    void scan(const std::string& deviceId, const ScanOptions& options, PageSink& sink,
              const CancelToken& cancel) override;

private:
    DsmFactory openDsm_;
};

} // namespace sohoa::scanner::twain
