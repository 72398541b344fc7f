// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace sohoa::scanner {

// What went wrong with the device, independent of the driver that noticed it.
// The app layer turns each status into a translated message for the person at the counter.
enum class ScanStatus
{
    Jammed,         // paper jam in the feeder
    NoDocuments,    // feeder empty (and no page was scanned), or sheet missing
    CoverOpen,      // lid or feeder cover open
    IoError,        // communication with the device failed
    DeviceBusy,     // used by another program, or still warming up
    NoMemory,       // out of memory (in the driver or the device)
    AccessDenied,   // permission to the device refused
    Cancelled,      // stopped through the CancelToken (or by the device's cancel button)
    Invalid,        // a requested option or value the device does not accept
    Unsupported,    // the device cannot do what was asked (e.g. no feeder)
    DeviceNotFound, // no such device (unplugged, wrong id)
    Unknown,        // anything else
};

// Stable English name for logs ("Jammed", "NoDocuments", ...).
std::string_view statusName(ScanStatus status) noexcept;

// A scanner failure. `detail()` is technical English for logs (which call failed, backend
// status text, option names); what() combines status name and detail.
class ScanError : public std::runtime_error
{
public:
    ScanError(ScanStatus status, std::string detail);

    ScanStatus status() const noexcept { return status_; }
    const std::string& detail() const noexcept { return detail_; }

private:
    ScanStatus status_;
    std::string detail_;
};

} // namespace sohoa::scanner
