// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A private SANE configuration directory: the system's enabled backends plus extra ones
// (the `test` and `pnm` virtual scanners for tests and demos), without touching /etc.
// SANE reads SANE_CONFIG_DIR when it initialises, so call usePrivateConfig() before the first
// SaneDriver is created.

#include <filesystem>
#include <string>
#include <vector>

namespace sohoa::scanner::sane {

struct PrivateConfigRequest
{
    std::vector<std::string> extraBackends; // e.g. {"test", "pnm"}
    bool includeSystemBackends = true;      // false: only the extra backends are listed
    std::filesystem::path systemDir = "/etc/sane.d";
};

// Backends enabled in <systemDir>/dll.conf and <systemDir>/dll.d/* (comments and blank lines
// dropped, duplicates removed, in file order). Missing files give an empty list.
std::vector<std::string> systemBackends(const std::filesystem::path& systemDir);

// Creates `dir` if needed and writes its dll.conf (and a test.conf with the test backend's
// defaults when `test` is requested, so tests do not depend on /etc/sane.d/test.conf).
// Returns the backends listed in dll.conf. Throws ScanError(IoError) if a file cannot be
// written, ScanError(Invalid) for a backend name that is not a plain word.
std::vector<std::string> writePrivateConfig(const std::filesystem::path& dir,
                                            const PrivateConfigRequest& request);

// The SANE_CONFIG_DIR value for `dir`: "<dir>:" — the trailing separator keeps the system
// directories in the search path for the other backends' own configuration files.
std::string configDirValue(const std::filesystem::path& dir);

// Sets SANE_CONFIG_DIR to configDirValue(dir) in this process's environment.
void usePrivateConfig(const std::filesystem::path& dir);

} // namespace sohoa::scanner::sane
