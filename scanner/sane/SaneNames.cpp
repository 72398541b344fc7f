// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/sane/SaneNames.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace sohoa::scanner::sane {

namespace {

char lower(char c) noexcept
{
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

template <std::size_t N>
bool containsAny(std::string_view text, const std::array<std::string_view, N>& needles) noexcept
{
    return std::any_of(needles.begin(), needles.end(),
                       [text](std::string_view n) { return containsNoCase(text, n); });
}

template <std::size_t N>
bool equalsAny(std::string_view text, const std::array<std::string_view, N>& words) noexcept
{
    return std::any_of(words.begin(), words.end(),
                       [text](std::string_view w) { return equalsNoCase(text, w); });
}

// Standard spellings, preferred over other values of the same meaning.
constexpr std::array<std::string_view, 2> kFlatbedWords{"Flatbed", "FlatBed"};
constexpr std::array<std::string_view, 2> kAdfWords{"ADF", "Automatic Document Feeder"};
constexpr std::array<std::string_view, 3> kDuplexWords{"ADF Duplex", "Duplex",
                                                       "Automatic Document Feeder Duplex"};
constexpr std::array<std::string_view, 2> kColorWords{"Color", "Colour"};
constexpr std::array<std::string_view, 3> kGrayWords{"Gray", "Grey", "Grayscale"};
constexpr std::array<std::string_view, 4> kLineartWords{"Lineart", "Binary", "Black & White",
                                                        "Black and White"};

template <typename T, typename Classify, std::size_t N>
std::optional<std::string> pick(const std::vector<std::string>& offered, T wanted,
                                Classify classify, const std::array<std::string_view, N>& standard)
{
    for (const std::string& value : offered) {
        if (equalsAny(value, standard) && classify(value) == wanted) {
            return value;
        }
    }
    for (const std::string& value : offered) {
        if (classify(value) == wanted) {
            return value;
        }
    }
    return std::nullopt;
}

} // namespace

bool equalsNoCase(std::string_view a, std::string_view b) noexcept
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return lower(x) == lower(y); });
}

bool containsNoCase(std::string_view haystack, std::string_view needle) noexcept
{
    if (needle.empty()) {
        return true;
    }
    const auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                                [](char x, char y) { return lower(x) == lower(y); });
    return it != haystack.end();
}

std::optional<Source> classifySource(std::string_view v)
{
    constexpr std::array<std::string_view, 4> feeder{"adf", "feeder", "automatic document",
                                                     "sheetfed"};
    constexpr std::array<std::string_view, 4> flatbed{"flatbed", "platen", "normal",
                                                      "document table"};
    if (containsNoCase(v, "duplex")) {
        return Source::AdfDuplex;
    }
    if (containsAny(v, feeder)) {
        // "ADF Back" scans only the rear side: not a source we offer.
        if (containsNoCase(v, "back") || containsNoCase(v, "rear")) {
            return std::nullopt;
        }
        return Source::Adf;
    }
    if (containsAny(v, flatbed)) {
        return Source::Flatbed;
    }
    return std::nullopt;
}

std::optional<ColorMode> classifyMode(std::string_view v)
{
    constexpr std::array<std::string_view, 3> dithered{"halftone", "dither", "diffusion"};
    constexpr std::array<std::string_view, 2> color{"color", "colour"};
    constexpr std::array<std::string_view, 2> gray{"gray", "grey"};
    constexpr std::array<std::string_view, 6> binary{"lineart",       "line art",        "binary",
                                                     "black & white", "black and white", "b&w"};
    if (containsAny(v, dithered)) {
        return std::nullopt;
    }
    const bool isBinary = containsAny(v, binary) || equalsNoCase(v, "bw");
    if (containsAny(v, color)) {
        // "Color Lineart": one bit per channel, not something we ask for.
        return isBinary ? std::nullopt : std::optional(ColorMode::Color);
    }
    if (containsAny(v, gray)) {
        return ColorMode::Gray;
    }
    if (isBinary) {
        return ColorMode::Lineart;
    }
    return std::nullopt;
}

std::optional<std::string> pickSource(const std::vector<std::string>& offered, Source wanted)
{
    switch (wanted) {
    case Source::Flatbed:
        return pick(offered, wanted, classifySource, kFlatbedWords);
    case Source::Adf:
        return pick(offered, wanted, classifySource, kAdfWords);
    case Source::AdfDuplex:
        return pick(offered, wanted, classifySource, kDuplexWords);
    }
    return std::nullopt;
}

std::optional<std::string> pickMode(const std::vector<std::string>& offered, ColorMode wanted)
{
    switch (wanted) {
    case ColorMode::Color:
        return pick(offered, wanted, classifyMode, kColorWords);
    case ColorMode::Gray:
        return pick(offered, wanted, classifyMode, kGrayWords);
    case ColorMode::Lineart:
        return pick(offered, wanted, classifyMode, kLineartWords);
    }
    return std::nullopt;
}

} // namespace sohoa::scanner::sane
