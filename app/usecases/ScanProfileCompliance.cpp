// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/ScanProfileCompliance.h"

#include "domain/UserError.h"

#include <algorithm>
#include <array>

namespace sohoa::usecases {

namespace {
// SANE's standard names for what decides resolution and colour (a backend may use others).
constexpr std::array<std::string_view, 5> kGuardedRawOptions{"resolution", "x-resolution",
                                                             "y-resolution", "mode", "depth"};

[[noreturn]] void refuseWhileLocked(const QString& message)
{
    throw UserError(ErrorKind::AccessDenied, message);
}
} // namespace

int ScanProfileCompliance::requiredDpi(Material material)
{
    return material == Material::Drawings ? domain::Page::kDrawingDpi
                                          : domain::Page::kAdministrativeDpi;
}

std::vector<Shortfall> ScanProfileCompliance::shortfalls(const scanner::ScanOptions& options,
                                                         Material material)
{
    std::vector<Shortfall> found;
    const int required = requiredDpi(material);
    if (options.dpi < required)
        found.push_back(
            {Shortfall::Aspect::Resolution,
             (material == Material::Drawings
                  ? tr("%1 dpi is below the %2 dpi Circular 05/2025 asks for maps and drawings.")
                  : tr("%1 dpi is below the %2 dpi Circular 05/2025 asks for administrative "
                       "papers."))
                 .arg(options.dpi)
                 .arg(required)});
    if (options.mode == scanner::ColorMode::Gray)
        found.push_back({Shortfall::Aspect::Colour,
                         tr("Circular 05/2025 asks for 24-bit colour, as the original; this scan "
                            "is grey.")});
    else if (options.mode == scanner::ColorMode::Lineart)
        found.push_back({Shortfall::Aspect::Colour,
                         tr("Circular 05/2025 asks for 24-bit colour, as the original; this scan "
                            "is black and white (line art).")});
    return found;
}

QStringList ScanProfileCompliance::warnings(const scanner::ScanOptions& options, Material material)
{
    QStringList lines;
    for (const Shortfall& shortfall : shortfalls(options, material))
        lines << tr("Warning: %1 The scan goes on.").arg(shortfall.text);
    return lines;
}

EffectiveScan ScanProfileCompliance::apply(const ScanProfile& profile,
                                           const ScanOverrides& overrides, bool locked)
{
    EffectiveScan scan;
    scan.profileId = profile.id;
    scan.material = profile.material;
    scan.options.source = overrides.source.value_or(profile.source);
    scan.options.mode = overrides.mode.value_or(profile.mode);
    scan.options.dpi = overrides.dpi.value_or(profile.dpi);
    scan.options.maxPages = overrides.maxPages;
    scan.options.rawOptions = overrides.rawOptions;
    scan.cleaning = profile.pipelineOptions();
    scan.image = profile.imageOptions();

    if (locked) {
        // Only what the officer changed is held against them.
        for (const Shortfall& shortfall : shortfalls(scan.options, profile.material))
            if ((shortfall.aspect == Shortfall::Aspect::Resolution && overrides.dpi) ||
                (shortfall.aspect == Shortfall::Aspect::Colour && overrides.mode))
                refuseWhileLocked(tr("Profiles are locked by the administrator, so a scan may "
                                     "not be set below the circular: %1 Choose a profile, or "
                                     "ask the administrator.")
                                      .arg(shortfall.text));
        for (const auto& [name, value] : overrides.rawOptions)
            if (std::find(kGuardedRawOptions.begin(), kGuardedRawOptions.end(), name) !=
                kGuardedRawOptions.end())
                refuseWhileLocked(tr("Profiles are locked by the administrator, so the device "
                                     "option %1 (resolution or colour) may not be set by hand. "
                                     "Choose a profile, or ask the administrator.")
                                      .arg(QString::fromStdString(name)));
    }
    scan.warnings = warnings(scan.options, profile.material);
    return scan;
}

} // namespace sohoa::usecases
