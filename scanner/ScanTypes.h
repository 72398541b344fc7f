// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Plain data exchanged between a scanner driver and its callers.
// Standard C++ only (no Qt, no SANE): a TWAIN driver built with mingw shares these types.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sohoa::scanner {

// One scanner as the driver sees it. `id` is what open/scan calls take ("test:0",
// "escl:https://192.168.1.20:443", ...); the other fields are for display and logs.
struct DeviceInfo
{
    std::string id;
    std::string vendor;
    std::string model;
    std::string type;   // "flatbed scanner", "sheetfed scanner", "virtual device"...
    std::string driver; // which ScannerDriver found it: "sane", later "twain"
};

enum class Source
{
    Flatbed,
    Adf,
    AdfDuplex
};
enum class ColorMode
{
    Color,
    Gray,
    Lineart
};

// Stable lower-case tokens ("flatbed", "adf", "adf-duplex"; "color", "gray", "lineart") for
// logs, settings files and command lines (not called toString: that name is QTest's, found
// by argument-dependent lookup in QCOMPARE); parse* also accept a few synonyms ("duplex",
// "colour", "grey", "bw") case-insensitively and return nullopt for anything else.
std::string_view sourceName(Source source) noexcept;
std::string_view colorModeName(ColorMode mode) noexcept;
std::optional<Source> parseSource(std::string_view text);
std::optional<ColorMode> parseColorMode(std::string_view text);

struct ScanOptions
{
    Source source = Source::Flatbed;
    ColorMode mode = ColorMode::Color;
    // Requested resolution; the driver snaps it to the nearest value the device allows.
    // 0 (or less) leaves the device's current resolution alone.
    double dpi = 300.0;
    // Feeder sources only: stop after this many pages; 0 = until the feeder is empty.
    // A flatbed scan always delivers exactly one page.
    int maxPages = 0;
    // Backend options by their own names, applied last, in order (the CLI's --set NAME=VALUE).
    // The fields above are set on every scan; a raw option may stay in effect in the backend
    // for later scans of the same device until the driver object is destroyed.
    std::vector<std::pair<std::string, std::string>> rawOptions;
};

// Resolutions a source accepts: either a discrete list, or a range min..max in steps of `step`
// (step 0 = any value in the range).
struct ResolutionSet
{
    std::vector<double> values;
    double min = 0.0;
    double max = 0.0;
    double step = 0.0;

    bool isRange() const noexcept { return values.empty() && max > 0.0; }
    bool isEmpty() const noexcept { return values.empty() && max <= 0.0; }
};

struct SourceCapabilities
{
    Source source = Source::Flatbed;
    std::string deviceName;       // the backend's own word for it, e.g. "Automatic Document Feeder"
    ResolutionSet resolutions;    // empty: the device has no resolution setting
    std::vector<ColorMode> modes; // empty: the mode is fixed by the device
    std::vector<int> bitDepths;   // empty: the depth is fixed by the device
    double maxWidthMm = 0.0;      // 0: unknown
    double maxHeightMm = 0.0;     // 0: unknown
};

struct Capabilities
{
    std::vector<SourceCapabilities> sources;

    const SourceCapabilities* find(Source source) const noexcept;
};

// One page as the device delivered it.
//  - Gray, depth 1: lineart, 8 pixels per byte, most significant bit first, 1 = black.
//  - Gray, depth 8/16: one sample per pixel, 0 = black.
//  - Rgb, depth 8/16: R,G,B samples per pixel.
//  - 16-bit samples are in host byte order (what SANE delivers), full 0..65535 range.
// Lines may carry padding: a line is `bytesPerLine` bytes, of which the pixels use the start.
struct Frame
{
    enum class Format
    {
        Gray,
        Rgb
    };

    Format format = Format::Gray;
    int width = 0;
    int height = 0;
    int depth = 8;
    int bytesPerLine = 0;
    double dpi = 0.0; // 0: unknown
    std::vector<std::uint8_t> pixels;

    int channels() const noexcept { return format == Format::Rgb ? 3 : 1; }
    // Bytes a line needs for its pixels (without padding).
    std::size_t minBytesPerLine() const noexcept;
    // Why the fields do not describe a usable image, or an empty string when they do.
    std::string inconsistency() const;
};

} // namespace sohoa::scanner
