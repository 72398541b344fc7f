// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/ScanTypes.h"

#include <algorithm>
#include <cctype>

namespace sohoa::scanner {

namespace {

std::string lowered(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

} // namespace

std::string_view sourceName(Source source) noexcept
{
    switch (source) {
    case Source::Flatbed:
        return "flatbed";
    case Source::Adf:
        return "adf";
    case Source::AdfDuplex:
        return "adf-duplex";
    }
    return "flatbed";
}

std::string_view colorModeName(ColorMode mode) noexcept
{
    switch (mode) {
    case ColorMode::Color:
        return "color";
    case ColorMode::Gray:
        return "gray";
    case ColorMode::Lineart:
        return "lineart";
    }
    return "color";
}

std::optional<Source> parseSource(std::string_view text)
{
    const std::string t = lowered(text);
    if (t == "flatbed") {
        return Source::Flatbed;
    }
    if (t == "adf" || t == "feeder") {
        return Source::Adf;
    }
    if (t == "adf-duplex" || t == "duplex" || t == "adf_duplex") {
        return Source::AdfDuplex;
    }
    return std::nullopt;
}

std::optional<ColorMode> parseColorMode(std::string_view text)
{
    const std::string t = lowered(text);
    if (t == "color" || t == "colour") {
        return ColorMode::Color;
    }
    if (t == "gray" || t == "grey") {
        return ColorMode::Gray;
    }
    if (t == "lineart" || t == "bw" || t == "binary") {
        return ColorMode::Lineart;
    }
    return std::nullopt;
}

const SourceCapabilities* Capabilities::find(Source source) const noexcept
{
    const auto it =
        std::find_if(sources.begin(), sources.end(),
                     [source](const SourceCapabilities& s) { return s.source == source; });
    return it == sources.end() ? nullptr : &*it;
}

std::size_t Frame::minBytesPerLine() const noexcept
{
    if (width <= 0 || depth <= 0) {
        return 0;
    }
    const std::size_t bits = static_cast<std::size_t>(width) *
                             static_cast<std::size_t>(channels()) * static_cast<std::size_t>(depth);
    return (bits + 7) / 8;
}

std::string Frame::inconsistency() const
{
    if (width <= 0 || height <= 0) {
        return "empty frame (" + std::to_string(width) + "x" + std::to_string(height) + ")";
    }
    const bool depthOk = format == Format::Gray ? (depth == 1 || depth == 8 || depth == 16)
                                                : (depth == 8 || depth == 16);
    if (!depthOk) {
        return "unsupported depth " + std::to_string(depth) + " for " +
               (format == Format::Gray ? "gray" : "RGB") + " frame";
    }
    if (bytesPerLine <= 0 || static_cast<std::size_t>(bytesPerLine) < minBytesPerLine()) {
        return "line of " + std::to_string(bytesPerLine) + " bytes too short for " +
               std::to_string(width) + " pixels";
    }
    if (pixels.size() < static_cast<std::size_t>(bytesPerLine) * static_cast<std::size_t>(height)) {
        return "pixel buffer of " + std::to_string(pixels.size()) + " bytes too small for " +
               std::to_string(height) + " lines of " + std::to_string(bytesPerLine) + " bytes";
    }
    return {};
}

} // namespace sohoa::scanner
