// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Matching our Source/ColorMode to the words SANE backends use for them. Backends are not
// consistent ("ADF", "Automatic Document Feeder", "ADF Front"; "Gray", "Grey", "True Gray";
// "Lineart", "Black & White"), so matching is case-insensitive and by substring.

#include "scanner/ScanTypes.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sohoa::scanner::sane {

bool equalsNoCase(std::string_view a, std::string_view b) noexcept;
bool containsNoCase(std::string_view haystack, std::string_view needle) noexcept;

// What a backend's source/mode value means, or nullopt when it is none of ours
// ("Transparency Adapter", "ADF Back", "Halftone", "Color Lineart"...).
std::optional<Source> classifySource(std::string_view deviceValue);
std::optional<ColorMode> classifyMode(std::string_view deviceValue);

// The backend value to select for `wanted` among those it offers: the standard spelling if
// offered, otherwise the first value that classifies as `wanted`.
std::optional<std::string> pickSource(const std::vector<std::string>& offered, Source wanted);
std::optional<std::string> pickMode(const std::vector<std::string>& offered, ColorMode wanted);

} // namespace sohoa::scanner::sane
