// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/twain/TwainStatus.h"

namespace sohoa::scanner::twain {

ScanStatus statusFromCondition(TW_UINT16 conditionCode) noexcept
{
    switch (conditionCode) {
    // ScanStatus has no "double feed": like a jam, the operator clears the feeder and
    // feeds the sheets again.
    case TWCC_PAPERJAM:
    case TWCC_PAPERDOUBLEFEED:
        return ScanStatus::Jammed;
    case TWCC_NOMEDIA:
        return ScanStatus::NoDocuments;
    case TWCC_INTERLOCK:
        return ScanStatus::CoverOpen;
    case TWCC_CHECKDEVICEONLINE:
        return ScanStatus::IoError;
    case TWCC_MAXCONNECTIONS:
        return ScanStatus::DeviceBusy;
    case TWCC_LOWMEMORY:
        return ScanStatus::NoMemory;
    case TWCC_DENIED:
        return ScanStatus::AccessDenied;
    case TWCC_BADVALUE:
        return ScanStatus::Invalid;
    case TWCC_BADCAP:
    case TWCC_CAPUNSUPPORTED:
    case TWCC_CAPBADOPERATION:
        return ScanStatus::Unsupported;
    case TWCC_NODS:
        return ScanStatus::DeviceNotFound;
    default:
        return ScanStatus::Unknown;
    }
}

std::string conditionName(TW_UINT16 conditionCode)
{
    switch (conditionCode) {
    case TWCC_SUCCESS:
        return "TWCC_SUCCESS";
    case TWCC_BUMMER:
        return "TWCC_BUMMER (failure in the source)";
    case TWCC_LOWMEMORY:
        return "TWCC_LOWMEMORY (not enough memory)";
    case TWCC_NODS:
        return "TWCC_NODS (no such source)";
    case TWCC_MAXCONNECTIONS:
        return "TWCC_MAXCONNECTIONS (source in use by another application)";
    case TWCC_OPERATIONERROR:
        return "TWCC_OPERATIONERROR (the source reported the error to the user)";
    case TWCC_BADCAP:
        return "TWCC_BADCAP (unknown capability)";
    case TWCC_BADPROTOCOL:
        return "TWCC_BADPROTOCOL (unrecognised triplet)";
    case TWCC_BADVALUE:
        return "TWCC_BADVALUE (value out of range)";
    case TWCC_SEQERROR:
        return "TWCC_SEQERROR (message out of sequence)";
    case TWCC_BADDEST:
        return "TWCC_BADDEST (unknown destination)";
    case TWCC_CAPUNSUPPORTED:
        return "TWCC_CAPUNSUPPORTED (capability not supported)";
    case TWCC_CAPBADOPERATION:
        return "TWCC_CAPBADOPERATION (operation not supported on the capability)";
    case TWCC_CAPSEQERROR:
        return "TWCC_CAPSEQERROR (capability depends on another one)";
    case TWCC_DENIED:
        return "TWCC_DENIED (access denied)";
    case TWCC_PAPERJAM:
        return "TWCC_PAPERJAM (paper jam)";
    case TWCC_PAPERDOUBLEFEED:
        return "TWCC_PAPERDOUBLEFEED (double feed)";
    case TWCC_CHECKDEVICEONLINE:
        return "TWCC_CHECKDEVICEONLINE (device offline or unplugged)";
    case TWCC_INTERLOCK:
        return "TWCC_INTERLOCK (cover or interlock open)";
    case TWCC_NOMEDIA:
        return "TWCC_NOMEDIA (no paper)";
    default:
        return "condition code " + std::to_string(conditionCode);
    }
}

} // namespace sohoa::scanner::twain
