// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/Pkcs11ModuleLocator.h"

#include <QByteArray>
#include <QFileInfo>
#include <QSet>
#include <cstdlib>
#include <memory>

#ifndef _WIN32
#include <p11-kit/p11-kit.h>
#endif

namespace sohoa::signing {

namespace {

QString fileName(const QString& path)
{
    return QFileInfo(path).fileName();
}

#ifdef _WIN32
// REGULATIONS.md §8: the modules the Vietnamese CAs' tokens install.
std::vector<ModuleCandidate> platformDefaults()
{
    static const char* const dllNames[] = {
        "vnptca_p11_v8.dll", "vnpt-ca_csp11.dll", "viettel-ca_v5.dll", "BkavCA.dll",
        "fpt-ca.dll",        "CA2_csp11.dll",     "eps2003csp11.dll",  "eTPKCS11.dll",
    };
    std::vector<ModuleCandidate> modules;
    for (const char* dllName : dllNames)
        modules.push_back({QString::fromLatin1(dllName), QString::fromLatin1(dllName),
                           ModuleCandidate::Source::PlatformDefault});
    return modules;
}
#else
struct MallocFree
{
    void operator()(char* text) const { std::free(text); }
};
using MallocText = std::unique_ptr<char, MallocFree>;

// p11-kit's trust module only answers trust lookups and its proxy re-exports every other module.
bool usefulForSigning(CK_FUNCTION_LIST* module, const QString& path)
{
    const MallocText trustPolicy(p11_kit_config_option(module, "trust-policy"));
    if (trustPolicy && QByteArray(trustPolicy.get()) == "yes")
        return false;
    const QString name = fileName(path);
    return !name.startsWith(QLatin1String("p11-kit-trust")) &&
           !name.startsWith(QLatin1String("p11-kit-proxy"));
}

// Reads p11-kit's registry by loading (not initializing) the registered modules, which is how
// p11-kit resolves relative module names and per-program enable-in/disable-in options.
std::vector<ModuleCandidate> registeredWithP11Kit()
{
    std::vector<ModuleCandidate> modules;
    CK_FUNCTION_LIST** loaded = p11_kit_modules_load(nullptr, P11_KIT_MODULE_UNMANAGED);
    if (loaded == nullptr)
        return modules;
    for (CK_FUNCTION_LIST** module = loaded; *module != nullptr; ++module) {
        const MallocText path(p11_kit_module_get_filename(*module));
        const MallocText name(p11_kit_module_get_name(*module));
        if (!path)
            continue;
        const QString filePath = QString::fromUtf8(path.get());
        if (usefulForSigning(*module, filePath))
            modules.push_back({filePath, name ? QString::fromUtf8(name.get()) : fileName(filePath),
                               ModuleCandidate::Source::P11KitRegistry});
    }
    p11_kit_modules_release(loaded);
    return modules;
}
#endif

} // namespace

std::vector<ModuleCandidate> Pkcs11ModuleLocator::candidates(const QStringList& configuredPaths)
{
    std::vector<ModuleCandidate> found;
    for (const QString& path : configuredPaths)
        found.push_back({path, fileName(path), ModuleCandidate::Source::Configured});
#ifdef _WIN32
    const std::vector<ModuleCandidate> discovered = platformDefaults();
#else
    const std::vector<ModuleCandidate> discovered = registeredWithP11Kit();
#endif
    found.insert(found.end(), discovered.begin(), discovered.end());

    std::vector<ModuleCandidate> unique;
    QSet<QString> seen;
    for (ModuleCandidate& candidate : found) {
        const QString canonical = QFileInfo(candidate.path).canonicalFilePath();
        const QString identity = canonical.isEmpty() ? candidate.path : canonical;
        if (seen.contains(identity))
            continue;
        seen.insert(identity);
        unique.push_back(std::move(candidate));
    }
    return unique;
}

} // namespace sohoa::signing
