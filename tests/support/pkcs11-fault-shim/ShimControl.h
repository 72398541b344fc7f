// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

namespace sohoa::testing::shim {

// The faults a test asks for: the control file named by SOHOA_SHIM_CONTROL, one command a line
// (the commands are described in FaultShim.cpp).
struct ShimControl
{
    bool pinCountLow = false;
    bool pinFinalTry = false;
    bool pinLocked = false;
    bool alwaysAuthenticate = false;
    std::optional<unsigned long> pinTries;
    std::optional<unsigned long> removeTokenAfterSigns;
    std::string loginLog; // a file the shim appends one line to per successful C_Login

    // Reads the control file as it is now; no variable or no file means no faults. A line it
    // does not understand aborts the process: a misspelt command would test nothing.
    static ShimControl read();
};

} // namespace sohoa::testing::shim
