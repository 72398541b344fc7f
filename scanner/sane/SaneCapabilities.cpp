// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/sane/SaneCapabilities.h"

#include "scanner/ScanError.h"
#include "scanner/sane/SaneNames.h"
#include "scanner/sane/SaneScanSetup.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <sane/saneopts.h>
#include <string>
#include <vector>

namespace sohoa::scanner::sane {

namespace {

ResolutionSet readResolutions(const SaneOptions& options)
{
    ResolutionSet set;
    std::optional<OptionInfo> res = options.find(SANE_NAME_SCAN_RESOLUTION);
    if (!res || !res->isActive()) {
        res = options.find(SANE_NAME_SCAN_X_RESOLUTION);
    }
    if (!res || !res->isActive() || !res->isNumeric()) {
        return set;
    }
    if (const std::optional<NumberRange> range = res->numberRange()) {
        set.min = range->min;
        set.max = range->max;
        set.step = range->step;
    } else {
        set.values = res->numberChoices();
        std::sort(set.values.begin(), set.values.end());
        set.values.erase(std::unique(set.values.begin(), set.values.end()), set.values.end());
    }
    return set;
}

std::vector<int> readDepths(const SaneOptions& options)
{
    std::vector<int> depths;
    const std::optional<OptionInfo> depth = options.find(SANE_NAME_BIT_DEPTH);
    if (!depth || !depth->isActive() || !depth->isNumeric()) {
        return depths;
    }
    if (const std::optional<NumberRange> range = depth->numberRange()) {
        for (const int d : {1, 8, 16}) {
            if (std::abs(snapToConstraint(*depth, d) - d) < 1e-9) {
                depths.push_back(d);
            }
        }
    } else {
        for (const double d : depth->numberChoices()) {
            depths.push_back(static_cast<int>(std::lround(d)));
        }
    }
    return depths;
}

bool depthOneAllowed(const SaneOptions& options)
{
    const std::optional<OptionInfo> depth = options.findSettable(SANE_NAME_BIT_DEPTH);
    return depth && depth->isNumeric() && std::abs(snapToConstraint(*depth, 1.0) - 1.0) < 1e-9;
}

std::vector<ColorMode> readModes(SaneOptions& options)
{
    std::vector<ColorMode> modes;
    const std::optional<OptionInfo> mode = options.find(SANE_NAME_SCAN_MODE);
    if (!mode || !mode->isActive() || mode->desc->type != SANE_TYPE_STRING) {
        return modes;
    }
    const std::vector<std::string> offered = mode->stringChoices();
    for (const std::string& value : offered) {
        const std::optional<ColorMode> m = classifyMode(value);
        if (m && std::find(modes.begin(), modes.end(), *m) == modes.end()) {
            modes.push_back(*m);
        }
    }
    const bool hasGray = std::find(modes.begin(), modes.end(), ColorMode::Gray) != modes.end();
    const bool hasLineart =
        std::find(modes.begin(), modes.end(), ColorMode::Lineart) != modes.end();
    if (hasGray && !hasLineart && mode->isSettable()) {
        // Lineart as gray at depth 1, as the scan setup does it.
        try {
            options.setString(SANE_NAME_SCAN_MODE, *pickMode(offered, ColorMode::Gray));
            if (depthOneAllowed(options)) {
                modes.push_back(ColorMode::Lineart);
            }
        } catch (const ScanError&) {
            // The device refused gray here: no emulated lineart.
        }
    }
    return modes;
}

// The extent of a scan-area coordinate, in mm (0 when the unit is not mm or unknown).
double extentMm(const SaneOptions& options, const char* topLeft, const char* bottomRight)
{
    const std::optional<OptionInfo> br = options.find(bottomRight);
    if (!br || !br->isNumeric() || br->desc->unit != SANE_UNIT_MM) {
        return 0.0;
    }
    double max = 0.0;
    if (const std::optional<NumberRange> range = br->numberRange()) {
        max = range->max;
    } else if (const std::vector<double> choices = br->numberChoices(); !choices.empty()) {
        max = *std::max_element(choices.begin(), choices.end());
    }
    double min = 0.0;
    if (const std::optional<OptionInfo> tl = options.find(topLeft); tl && tl->isNumeric()) {
        if (const std::optional<NumberRange> range = tl->numberRange()) {
            min = range->min;
        }
    }
    return std::max(0.0, max - min);
}

SourceCapabilities describeSource(SaneOptions& options, Source source, std::string deviceName)
{
    SourceCapabilities caps;
    caps.source = source;
    caps.deviceName = std::move(deviceName);
    caps.resolutions = readResolutions(options);
    caps.bitDepths = readDepths(options);
    caps.maxWidthMm = extentMm(options, SANE_NAME_SCAN_TL_X, SANE_NAME_SCAN_BR_X);
    caps.maxHeightMm = extentMm(options, SANE_NAME_SCAN_TL_Y, SANE_NAME_SCAN_BR_Y);
    caps.modes = readModes(options); // last: it may switch the mode
    return caps;
}

} // namespace

Capabilities readCapabilities(SaneOptions& options)
{
    Capabilities caps;
    const std::optional<OptionInfo> source = options.find(SANE_NAME_SCAN_SOURCE);
    if (!source || !source->isActive() || source->desc->type != SANE_TYPE_STRING) {
        caps.sources.push_back(describeSource(options, Source::Flatbed, {}));
        return caps;
    }
    if (!source->isSettable()) {
        const std::string current = options.getString(SANE_NAME_SCAN_SOURCE).value_or("");
        caps.sources.push_back(
            describeSource(options, classifySource(current).value_or(Source::Flatbed), current));
        return caps;
    }
    std::optional<std::string> feederName;
    for (const std::string& value : source->stringChoices()) {
        const std::optional<Source> kind = classifySource(value);
        if (!kind || caps.find(*kind) != nullptr) {
            continue;
        }
        try {
            options.setString(SANE_NAME_SCAN_SOURCE, value);
        } catch (const ScanError&) {
            continue;
        }
        caps.sources.push_back(describeSource(options, *kind, value));
        if (*kind == Source::Adf) {
            feederName = value;
        }
    }
    if (feederName && caps.find(Source::AdfDuplex) == nullptr) {
        try {
            options.setString(SANE_NAME_SCAN_SOURCE, *feederName);
            if (hasDuplexSwitch(options)) {
                SourceCapabilities duplex = *caps.find(Source::Adf);
                duplex.source = Source::AdfDuplex;
                caps.sources.push_back(std::move(duplex));
            }
        } catch (const ScanError&) {
            // No duplex then.
        }
    }
    return caps;
}

} // namespace sohoa::scanner::sane
