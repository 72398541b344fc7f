// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/sane/SaneScanSetup.h"

#include "scanner/ScanError.h"
#include "scanner/sane/SaneNames.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <sane/saneopts.h>
#include <string_view>
#include <utility>
#include <vector>

namespace sohoa::scanner::sane {

namespace {

constexpr std::string_view kDuplexBool = "duplex";
constexpr std::string_view kAdfMode = "adf-mode";

std::string joined(const std::vector<std::string>& values)
{
    std::string out;
    for (const std::string& v : values) {
        out += (out.empty() ? "'" : ", '") + v + "'";
    }
    return out.empty() ? "none" : out;
}

std::string_view sourceWords(Source source)
{
    switch (source) {
    case Source::Flatbed:
        return "flatbed";
    case Source::Adf:
        return "document feeder";
    case Source::AdfDuplex:
        return "duplex document feeder";
    }
    return "source";
}

bool allows(const OptionInfo& option, double value)
{
    return std::abs(snapToConstraint(option, value) - value) < 1e-9;
}

void applySource(SaneOptions& options, Source wanted, const std::string& deviceId)
{
    const std::optional<OptionInfo> source = options.find(SANE_NAME_SCAN_SOURCE);
    if (!source || !source->isSettable() || source->desc->type != SANE_TYPE_STRING) {
        // One fixed source (or none): fine for a single page, or when it is what was asked
        // (a sheet-fed scanner whose only source is its feeder).
        const std::optional<std::string> fixed = options.getString(SANE_NAME_SCAN_SOURCE);
        if (wanted == Source::Flatbed || (fixed && classifySource(*fixed) == wanted)) {
            return;
        }
        throw ScanError(ScanStatus::Unsupported, "scanner '" + deviceId + "' has no selectable " +
                                                     std::string(sourceWords(wanted)));
    }
    const std::vector<std::string> offered = source->stringChoices();
    std::optional<std::string> value = pickSource(offered, wanted);
    const bool viaSwitch = !value && wanted == Source::AdfDuplex;
    if (viaSwitch) {
        value = pickSource(offered, Source::Adf);
    }
    if (!value) {
        throw ScanError(ScanStatus::Unsupported, "scanner '" + deviceId + "' has no " +
                                                     std::string(sourceWords(wanted)) +
                                                     " (sources: " + joined(offered) + ")");
    }
    options.setString(SANE_NAME_SCAN_SOURCE, *value);
    if (wanted != Source::Flatbed) {
        const bool switched = setDuplexSwitch(options, wanted == Source::AdfDuplex);
        if (viaSwitch && !switched) {
            throw ScanError(ScanStatus::Unsupported,
                            "scanner '" + deviceId + "' has no duplex document feeder (sources: " +
                                joined(offered) + ")");
        }
    }
}

// Returns true when lineart must be produced as gray at depth 1.
bool applyMode(SaneOptions& options, ColorMode wanted, const std::string& deviceId)
{
    const std::optional<OptionInfo> mode = options.findSettable(SANE_NAME_SCAN_MODE);
    if (!mode || mode->desc->type != SANE_TYPE_STRING) {
        return false; // fixed by the device (e.g. a file reader): take what it delivers
    }
    const std::vector<std::string> offered = mode->stringChoices();
    if (const std::optional<std::string> value = pickMode(offered, wanted)) {
        options.setString(SANE_NAME_SCAN_MODE, *value);
        return false;
    }
    if (wanted == ColorMode::Lineart) {
        if (const std::optional<std::string> gray = pickMode(offered, ColorMode::Gray)) {
            options.setString(SANE_NAME_SCAN_MODE, *gray);
            const std::optional<OptionInfo> depth = options.findSettable(SANE_NAME_BIT_DEPTH);
            if (depth && depth->isNumeric() && allows(*depth, 1.0)) {
                return true;
            }
        }
    }
    throw ScanError(ScanStatus::Unsupported, "scanner '" + deviceId + "' has no " +
                                                 std::string(colorModeName(wanted)) +
                                                 " mode (modes: " + joined(offered) + ")");
}

void applyDepth(SaneOptions& options, ColorMode wanted, bool lineartViaDepth)
{
    const std::optional<OptionInfo> depth = options.findSettable(SANE_NAME_BIT_DEPTH);
    if (!depth || !depth->isNumeric()) {
        return;
    }
    if (lineartViaDepth) {
        options.setNumber(SANE_NAME_BIT_DEPTH, 1.0);
    } else if (wanted != ColorMode::Lineart && allows(*depth, 8.0)) {
        options.setNumber(SANE_NAME_BIT_DEPTH, 8.0);
    }
}

void applyResolution(SaneOptions& options, double dpi)
{
    if (dpi <= 0.0) {
        return;
    }
    if (const std::optional<OptionInfo> res = options.findSettable(SANE_NAME_SCAN_RESOLUTION);
        res && res->isNumeric()) {
        options.setNumber(SANE_NAME_SCAN_RESOLUTION, snapToConstraint(*res, dpi));
        return;
    }
    for (const std::string_view name : {std::string_view(SANE_NAME_SCAN_X_RESOLUTION),
                                        std::string_view(SANE_NAME_SCAN_Y_RESOLUTION)}) {
        if (const std::optional<OptionInfo> res = options.findSettable(name);
            res && res->isNumeric()) {
            options.setNumber(name, snapToConstraint(*res, dpi));
        }
    }
}

void applyFullArea(SaneOptions& options)
{
    constexpr std::array<std::pair<std::string_view, bool>, 4> corners{{
        {SANE_NAME_SCAN_TL_X, false},
        {SANE_NAME_SCAN_TL_Y, false},
        {SANE_NAME_SCAN_BR_X, true},
        {SANE_NAME_SCAN_BR_Y, true},
    }};
    for (const auto& [name, useMax] : corners) {
        const std::optional<OptionInfo> option = options.findSettable(name);
        if (!option || !option->isNumeric()) {
            continue;
        }
        std::optional<double> value;
        if (const std::optional<NumberRange> range = option->numberRange()) {
            value = useMax ? range->max : range->min;
        } else if (const std::vector<double> choices = option->numberChoices(); !choices.empty()) {
            value = useMax ? *std::max_element(choices.begin(), choices.end())
                           : *std::min_element(choices.begin(), choices.end());
        }
        if (value) {
            options.setNumber(name, *value);
        }
    }
}

double effectiveDpi(const SaneOptions& options)
{
    for (const std::string_view name : {std::string_view(SANE_NAME_SCAN_RESOLUTION),
                                        std::string_view(SANE_NAME_SCAN_X_RESOLUTION)}) {
        if (const std::optional<double> dpi = options.getNumber(name); dpi && *dpi > 0.0) {
            return *dpi;
        }
    }
    return 0.0;
}

} // namespace

bool hasDuplexSwitch(const SaneOptions& options)
{
    if (const std::optional<OptionInfo> b = options.findSettable(kDuplexBool);
        b && b->desc->type == SANE_TYPE_BOOL) {
        return true;
    }
    if (const std::optional<OptionInfo> m = options.findSettable(kAdfMode);
        m && m->desc->type == SANE_TYPE_STRING) {
        const std::vector<std::string> choices = m->stringChoices();
        return std::any_of(choices.begin(), choices.end(),
                           [](const std::string& c) { return containsNoCase(c, "duplex"); });
    }
    return false;
}

bool setDuplexSwitch(SaneOptions& options, bool duplex)
{
    if (const std::optional<OptionInfo> b = options.findSettable(kDuplexBool);
        b && b->desc->type == SANE_TYPE_BOOL) {
        options.setBool(kDuplexBool, duplex);
        return true;
    }
    if (const std::optional<OptionInfo> m = options.findSettable(kAdfMode);
        m && m->desc->type == SANE_TYPE_STRING) {
        for (const std::string& c : m->stringChoices()) {
            if (containsNoCase(c, duplex ? "duplex" : "simplex")) {
                options.setString(kAdfMode, c);
                return true;
            }
        }
    }
    return false;
}

AppliedSettings applyScanOptions(SaneOptions& options, const ScanOptions& request,
                                 const std::string& deviceId)
{
    applySource(options, request.source, deviceId);
    const bool lineartViaDepth = applyMode(options, request.mode, deviceId);
    applyDepth(options, request.mode, lineartViaDepth);
    applyResolution(options, request.dpi);
    applyFullArea(options);
    for (const auto& [name, value] : request.rawOptions) {
        options.applyRaw(name, value);
    }
    return AppliedSettings{effectiveDpi(options)};
}

} // namespace sohoa::scanner::sane
