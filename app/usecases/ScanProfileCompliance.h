// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "usecases/ScanProfile.h"

#include <optional>
#include <vector>

namespace sohoa::usecases {

// Where a scan falls short of Circular 05/2025/TT-BNV (24-bit colour; 200 dpi for papers,
// 300 for maps and drawings), each as one sentence in the officer's language.
struct Shortfall
{
    enum class Aspect
    {
        Resolution,
        Colour
    };
    Aspect aspect;
    QString text;
};

// What the officer asked for on top of the profile; unset fields keep the profile's value.
struct ScanOverrides
{
    std::optional<scanner::Source> source;
    std::optional<scanner::ColorMode> mode;
    std::optional<double> dpi;
    int maxPages = 0;
    std::vector<std::pair<std::string, std::string>> rawOptions;
};

// Everything a scan takes from its profile, with the overrides applied: what the capture and
// the page processing of a dossier should be given.
struct EffectiveScan
{
    QString profileId;
    Material material = Material::Papers;
    scanner::ScanOptions options;      // for the scanner driver
    imaging::PipelineOptions cleaning; // deskew / crop / blank detection, blank threshold
    pdf::PdfImageOptions image;        // JPEG quality of the stored page images
    QStringList warnings;              // below the circular; the scan goes on
};

class ScanProfileCompliance
{
    Q_DECLARE_TR_FUNCTIONS(ScanProfileCompliance)

public:
    static int requiredDpi(Material material);
    static std::vector<Shortfall> shortfalls(const scanner::ScanOptions& options,
                                             Material material);
    // One line per shortfall: what the circular asks, and that the scan goes on.
    static QStringList warnings(const scanner::ScanOptions& options, Material material);

    // The profile with the overrides on top. Below the circular it warns. `locked`: the profiles
    // are locked and the user is not the administrator; then an override that itself goes below
    // the circular (or a raw device option for resolution or colour, which cannot be checked)
    // throws UserError(AccessDenied). A locked profile that is itself below the circular is the
    // administrator's choice: it only warns.
    static EffectiveScan apply(const ScanProfile& profile, const ScanOverrides& overrides,
                               bool locked);
};

} // namespace sohoa::usecases
