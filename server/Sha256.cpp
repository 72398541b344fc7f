// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/Sha256.h"

#include <openssl/evp.h>
#include <stdexcept>
#include <vector>

namespace sohoa::hub {

Sha256::Sha256() : context_(EVP_MD_CTX_new())
{
    if (!context_ || EVP_DigestInit_ex(context_, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("OpenSSL cannot start a SHA-256 digest");
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(context_);
}

void Sha256::add(std::string_view bytes)
{
    EVP_DigestUpdate(context_, bytes.data(), bytes.size());
}

std::string Sha256::finish()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(context_, digest, &size);
    return std::string(reinterpret_cast<const char*>(digest), size);
}

std::string Sha256::of(std::string_view bytes)
{
    Sha256 digest;
    digest.add(bytes);
    return digest.finish();
}

std::string Sha256::of(std::istream& stream)
{
    Sha256 digest;
    std::vector<char> piece(1 << 20);
    while (stream) {
        stream.read(piece.data(), static_cast<std::streamsize>(piece.size()));
        digest.add(std::string_view(piece.data(), static_cast<std::size_t>(stream.gcount())));
    }
    if (stream.bad())
        throw std::runtime_error("cannot read the data to hash");
    return digest.finish();
}

} // namespace sohoa::hub
