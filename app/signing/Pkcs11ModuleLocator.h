// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace sohoa::signing {

// A PKCS#11 module that may drive the officer's token; not loaded yet.
struct ModuleCandidate
{
    enum class Source
    {
        Configured,      // named in the workstation's settings or on the command line
        P11KitRegistry,  // registered with p11-kit (Linux: /usr/share/p11-kit/modules/...)
        PlatformDefault, // a well-known token vendor's DLL name (Windows)
    };

    QString path; // absolute for registered modules; a bare DLL name for platform defaults
    QString name; // p11-kit's module name, else the file name
    Source source = Source::Configured;
};

// Lists the PKCS#11 modules worth trying, in order: the configured paths (an administrator's
// choice comes first), the modules registered with p11-kit minus its own trust and proxy
// modules, which hold no signing keys, and on Windows the DLL names of the Vietnamese token
// vendors. A file reached twice is listed once.
class Pkcs11ModuleLocator
{
public:
    static std::vector<ModuleCandidate> candidates(const QStringList& configuredPaths);
};

} // namespace sohoa::signing
