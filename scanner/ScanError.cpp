// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/ScanError.h"

#include <utility>

namespace sohoa::scanner {

std::string_view statusName(ScanStatus status) noexcept
{
    switch (status) {
    case ScanStatus::Jammed:
        return "Jammed";
    case ScanStatus::NoDocuments:
        return "NoDocuments";
    case ScanStatus::CoverOpen:
        return "CoverOpen";
    case ScanStatus::IoError:
        return "IoError";
    case ScanStatus::DeviceBusy:
        return "DeviceBusy";
    case ScanStatus::NoMemory:
        return "NoMemory";
    case ScanStatus::AccessDenied:
        return "AccessDenied";
    case ScanStatus::Cancelled:
        return "Cancelled";
    case ScanStatus::Invalid:
        return "Invalid";
    case ScanStatus::Unsupported:
        return "Unsupported";
    case ScanStatus::DeviceNotFound:
        return "DeviceNotFound";
    case ScanStatus::Unknown:
        return "Unknown";
    }
    return "Unknown";
}

ScanError::ScanError(ScanStatus status, std::string detail)
    : std::runtime_error(std::string(statusName(status)) + ": " + detail), status_(status),
      detail_(std::move(detail))
{
}

} // namespace sohoa::scanner
