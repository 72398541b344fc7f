// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/sane/SaneConfig.h"

#include "scanner/ScanError.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <system_error>

namespace sohoa::scanner::sane {

namespace fs = std::filesystem;

namespace {

bool isBackendName(const std::string& name)
{
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    });
}

void addUnique(std::vector<std::string>& list, const std::string& name)
{
    if (std::find(list.begin(), list.end(), name) == list.end()) {
        list.push_back(name);
    }
}

// One backend name per line; '#' starts a comment.
void readBackendList(const fs::path& file, std::vector<std::string>& out)
{
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (const std::size_t hash = line.find('#'); hash != std::string::npos) {
            line.erase(hash);
        }
        const std::size_t first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos) {
            continue;
        }
        const std::size_t last = line.find_last_not_of(" \t\r");
        const std::string name = line.substr(first, last - first + 1);
        if (isBackendName(name)) {
            addUnique(out, name);
        }
    }
}

// Package managers leave backups next to dll.d files; SANE skips them too.
bool isBackupName(const std::string& name)
{
    const auto endsWith = [&name](const std::string& suffix) {
        return name.size() >= suffix.size() &&
               name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    return name.empty() || name.front() == '.' || name.back() == '~' ||
           name.find(".dpkg-") != std::string::npos || endsWith(".rpmnew") ||
           endsWith(".rpmsave") || endsWith(".bak");
}

void writeFile(const fs::path& path, const std::string& content)
{
    const fs::path temp = path.string() + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << content;
        out.flush();
        if (!out) {
            throw ScanError(ScanStatus::IoError, "cannot write " + temp.string());
        }
    }
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw ScanError(ScanStatus::IoError, "cannot write " + path.string());
    }
}

} // namespace

std::vector<std::string> systemBackends(const fs::path& systemDir)
{
    std::vector<std::string> backends;
    readBackendList(systemDir / "dll.conf", backends);
    std::error_code ec;
    const fs::path dllD = systemDir / "dll.d";
    if (fs::is_directory(dllD, ec)) {
        std::vector<fs::path> files;
        for (const fs::directory_entry& entry : fs::directory_iterator(dllD, ec)) {
            if (entry.is_regular_file(ec) && !isBackupName(entry.path().filename().string())) {
                files.push_back(entry.path());
            }
        }
        std::sort(files.begin(), files.end());
        for (const fs::path& file : files) {
            readBackendList(file, backends);
        }
    }
    return backends;
}

std::vector<std::string> writePrivateConfig(const fs::path& dir,
                                            const PrivateConfigRequest& request)
{
    for (const std::string& name : request.extraBackends) {
        if (!isBackendName(name)) {
            throw ScanError(ScanStatus::Invalid, "'" + name + "' is not a SANE backend name");
        }
    }
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        throw ScanError(ScanStatus::IoError, "cannot create " + dir.string() + ": " + ec.message());
    }

    std::vector<std::string> backends;
    if (request.includeSystemBackends) {
        backends = systemBackends(request.systemDir);
    }
    for (const std::string& name : request.extraBackends) {
        addUnique(backends, name);
    }

    std::string dllConf = "# Written by SoHoa: the system's SANE backends plus extra ones.\n";
    for (const std::string& name : backends) {
        dllConf += name + "\n";
    }
    writeFile(dir / "dll.conf", dllConf);

    if (std::find(request.extraBackends.begin(), request.extraBackends.end(), "test") !=
        request.extraBackends.end()) {
        // The test backend's built-in defaults, stated so that a changed
        // /etc/sane.d/test.conf does not change what tests see.
        writeFile(dir / "test.conf", "# Written by SoHoa: SANE test backend defaults.\n"
                                     "number_of_devices 2\n"
                                     "mode Gray\n"
                                     "depth 8\n"
                                     "scan-source \"Flatbed\"\n"
                                     "test-picture \"Solid black\"\n"
                                     "read-status-code \"Default\"\n");
    }
    return backends;
}

std::string configDirValue(const fs::path& dir)
{
    return dir.string() + ":";
}

void usePrivateConfig(const fs::path& dir)
{
    const std::string value = configDirValue(dir);
    if (::setenv("SANE_CONFIG_DIR", value.c_str(), 1) != 0) {
        throw ScanError(ScanStatus::IoError,
                        std::string("cannot set SANE_CONFIG_DIR: ") + std::strerror(errno));
    }
}

} // namespace sohoa::scanner::sane
