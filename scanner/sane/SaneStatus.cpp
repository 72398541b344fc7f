// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/sane/SaneStatus.h"

namespace sohoa::scanner::sane {

ScanStatus toScanStatus(SANE_Status status) noexcept
{
    switch (status) {
    case SANE_STATUS_JAMMED:
        return ScanStatus::Jammed;
    case SANE_STATUS_NO_DOCS:
        return ScanStatus::NoDocuments;
    case SANE_STATUS_COVER_OPEN:
        return ScanStatus::CoverOpen;
    case SANE_STATUS_IO_ERROR:
        return ScanStatus::IoError;
    case SANE_STATUS_DEVICE_BUSY:
        return ScanStatus::DeviceBusy;
    case SANE_STATUS_NO_MEM:
        return ScanStatus::NoMemory;
    case SANE_STATUS_ACCESS_DENIED:
        return ScanStatus::AccessDenied;
    case SANE_STATUS_CANCELLED:
        return ScanStatus::Cancelled;
    case SANE_STATUS_INVAL:
        return ScanStatus::Invalid;
    case SANE_STATUS_UNSUPPORTED:
        return ScanStatus::Unsupported;
    case SANE_STATUS_GOOD:
    case SANE_STATUS_EOF:
        break;
    }
    // GOOD/EOF are not failures; a status unknown to this SANE version is not either of ours.
    return ScanStatus::Unknown;
}

std::string describe(SANE_Status status, const std::string& what)
{
    const char* text = sane_strstatus(status);
    return what + ": " + (text != nullptr ? text : "unknown SANE status") + " (SANE status " +
           std::to_string(static_cast<int>(status)) + ")";
}

void throwStatus(SANE_Status status, const std::string& what)
{
    throw ScanError(toScanStatus(status), describe(status, what));
}

} // namespace sohoa::scanner::sane
