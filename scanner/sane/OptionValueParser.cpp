// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/sane/OptionValueParser.h"

#include "scanner/sane/SaneNames.h"

#include <array>
#include <charconv>
#include <cmath>

namespace sohoa::scanner::sane {

namespace {

std::string_view trimmed(std::string_view text) noexcept
{
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && blank(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && blank(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

// from_chars rejects a leading '+'; accept it like a person would type it.
std::string_view withoutPlus(std::string_view text) noexcept
{
    if (text.size() > 1 && text.front() == '+' && text[1] != '-' && text[1] != '+') {
        text.remove_prefix(1);
    }
    return text;
}

} // namespace

std::optional<bool> parseBool(std::string_view text)
{
    text = trimmed(text);
    constexpr std::array<std::string_view, 4> yes{"yes", "true", "on", "1"};
    constexpr std::array<std::string_view, 4> no{"no", "false", "off", "0"};
    for (const std::string_view word : yes) {
        if (equalsNoCase(text, word)) {
            return true;
        }
    }
    for (const std::string_view word : no) {
        if (equalsNoCase(text, word)) {
            return false;
        }
    }
    return std::nullopt;
}

std::optional<long long> parseInteger(std::string_view text)
{
    text = withoutPlus(trimmed(text));
    long long value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end) {
        return std::nullopt;
    }
    return value;
}

std::optional<double> parseNumber(std::string_view text)
{
    text = withoutPlus(trimmed(text));
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::vector<double>> parseNumberList(std::string_view text)
{
    std::vector<double> values;
    while (true) {
        const std::size_t comma = text.find(',');
        const std::optional<double> value = parseNumber(text.substr(0, comma));
        if (!value) {
            return std::nullopt;
        }
        values.push_back(*value);
        if (comma == std::string_view::npos) {
            break;
        }
        text.remove_prefix(comma + 1);
    }
    return values;
}

} // namespace sohoa::scanner::sane
