// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Parsing the text of a NAME=VALUE backend option (the CLI's --set) into typed values.
// Locale-independent; the whole text must parse (surrounding blanks allowed).

#include <optional>
#include <string_view>
#include <vector>

namespace sohoa::scanner::sane {

// "yes"/"no", "true"/"false", "on"/"off", "1"/"0", case-insensitive.
std::optional<bool> parseBool(std::string_view text);
// Decimal integer, optional sign.
std::optional<long long> parseInteger(std::string_view text);
// Decimal number ("300", "-42.17", "1e2").
std::optional<double> parseNumber(std::string_view text);
// Comma-separated numbers ("0,16,32"); nullopt if any element fails.
std::optional<std::vector<double>> parseNumberList(std::string_view text);

} // namespace sohoa::scanner::sane
