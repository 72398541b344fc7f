// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/EnrolmentCode.h"

#include <array>
#include <openssl/rand.h>
#include <stdexcept>

namespace sohoa::hub::EnrolmentCode {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t kSymbols = 16;
constexpr std::size_t kGroup = 4;

// The symbol a typed character means, or '\0'.
char symbolOf(char typed)
{
    const char upper = typed >= 'a' && typed <= 'z' ? static_cast<char>(typed - 'a' + 'A') : typed;
    if (upper == 'I' || upper == 'L')
        return '1';
    if (upper == 'O')
        return '0';
    return kAlphabet.find(upper) == std::string_view::npos ? '\0' : upper;
}

} // namespace

std::string generate()
{
    std::array<unsigned char, kSymbols * 5 / 8> random{};
    if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1)
        throw std::runtime_error("no random bytes for an enrolment code");
    std::string code;
    for (std::size_t symbol = 0; symbol < kSymbols; ++symbol) {
        if (symbol > 0 && symbol % kGroup == 0)
            code += '-';
        // Symbol n is bits 5n..5n+4 of the random bytes, most significant first.
        unsigned value = 0;
        for (std::size_t bit = symbol * 5; bit < symbol * 5 + 5; ++bit)
            value = (value << 1) | ((random[bit / 8] >> (7 - bit % 8)) & 1U);
        code += kAlphabet[value];
    }
    return code;
}

std::optional<std::string> canonical(std::string_view typed)
{
    std::string symbols;
    for (const char c : typed) {
        if (c == '-')
            continue;
        const char symbol = symbolOf(c);
        if (symbol == '\0' || symbols.size() == kSymbols)
            return std::nullopt;
        symbols += symbol;
    }
    if (symbols.size() != kSymbols)
        return std::nullopt;
    return symbols;
}

} // namespace sohoa::hub::EnrolmentCode
