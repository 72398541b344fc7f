// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/twain/TwainDriver.h"

#include "scanner/twain/TwainSession.h"

#include <utility>

namespace sohoa::scanner::twain {

TwainDriver::TwainDriver(DsmFactory openDsm) : openDsm_(std::move(openDsm)) {}

std::vector<DeviceInfo> TwainDriver::listDevices()
{
    const std::unique_ptr<DsmPlatform> platform = openDsm_();
    TwainSession session(*platform);
    return session.listSources();
}

Capabilities TwainDriver::capabilities(const std::string& deviceId)
{
    const std::unique_ptr<DsmPlatform> platform = openDsm_();
    TwainSession session(*platform);
    return session.capabilities(deviceId);
}

void TwainDriver::scan(const std::string& deviceId, const ScanOptions& options, PageSink& sink,
                       const CancelToken& cancel)
{
    const std::unique_ptr<DsmPlatform> platform = openDsm_();
    TwainSession session(*platform);
    session.scan(deviceId, options, sink, cancel);
}

} // namespace sohoa::scanner::twain
