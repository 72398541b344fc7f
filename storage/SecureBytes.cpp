// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/SecureBytes.h"

#include <cstring>
#include <new>
#include <sodium.h>
#include <stdexcept>
#include <utility>

namespace sohoa::storage {

namespace {
void ensureSodium()
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium failed to initialize");
}
} // namespace

SecureBytes::SecureBytes(std::size_t size) : size_(size)
{
    ensureSodium();
    if (size == 0)
        return;
    data_ = static_cast<unsigned char*>(sodium_malloc(size));
    if (data_ == nullptr)
        throw std::bad_alloc();
    sodium_memzero(data_, size);
}

SecureBytes SecureBytes::fromString(std::string_view text)
{
    SecureBytes bytes(text.size());
    if (!text.empty())
        std::memcpy(bytes.data_, text.data(), text.size());
    return bytes;
}

SecureBytes SecureBytes::random(std::size_t size)
{
    SecureBytes bytes(size);
    if (size > 0)
        randombytes_buf(bytes.data_, size);
    return bytes;
}

SecureBytes::~SecureBytes()
{
    wipe();
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0))
{
}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept
{
    if (this != &other) {
        wipe();
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

bool SecureBytes::operator==(const SecureBytes& other) const
{
    return size_ == other.size_ && (size_ == 0 || sodium_memcmp(data_, other.data_, size_) == 0);
}

void SecureBytes::wipe()
{
    // sodium_free zeroes the memory and unlocks it before releasing it.
    if (data_ != nullptr)
        sodium_free(data_);
    data_ = nullptr;
    size_ = 0;
}

} // namespace sohoa::storage
