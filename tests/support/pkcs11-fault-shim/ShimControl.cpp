// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShimControl.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace sohoa::testing::shim {

namespace {

[[noreturn]] void badLine(const std::string& line)
{
    std::fprintf(stderr, "sohoa-pkcs11-fault-shim: unknown control line \"%s\"\n", line.c_str());
    std::abort();
}

unsigned long number(std::istringstream& words, const std::string& line)
{
    unsigned long value = 0;
    if (!(words >> value))
        badLine(line);
    return value;
}

} // namespace

ShimControl ShimControl::read()
{
    ShimControl control;
    const char* path = std::getenv("SOHOA_SHIM_CONTROL");
    if (path == nullptr)
        return control;
    std::ifstream file(path);
    std::string line;
    while (std::getline(file, line)) {
        std::istringstream words(line);
        std::string command;
        if (!(words >> command))
            continue; // a blank line
        if (command == "pin-count-low")
            control.pinCountLow = true;
        else if (command == "pin-final-try")
            control.pinFinalTry = true;
        else if (command == "pin-locked")
            control.pinLocked = true;
        else if (command == "always-authenticate")
            control.alwaysAuthenticate = true;
        else if (command == "pin-tries")
            control.pinTries = number(words, line);
        else if (command == "remove-token-after-signs")
            control.removeTokenAfterSigns = number(words, line);
        else if (command == "login-log")
            std::getline(words >> std::ws, control.loginLog); // the rest of the line
        else
            badLine(line);
        if (command == "login-log" && control.loginLog.empty())
            badLine(line);
    }
    return control;
}

} // namespace sohoa::testing::shim
