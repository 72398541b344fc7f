// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <istream>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace sohoa::hub {

// SHA-256 through OpenSSL, of bytes at hand or fed piece by piece (a file streamed from disk,
// never loaded whole). Digests are the 32 raw bytes.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void add(std::string_view bytes);
    std::string finish();

    static std::string of(std::string_view bytes);
    // Reads `stream` to its end in pieces of 1 MiB; throws std::runtime_error on a read error.
    static std::string of(std::istream& stream);

private:
    evp_md_ctx_st* context_;
};

} // namespace sohoa::hub
