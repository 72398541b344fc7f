// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string_view>

namespace sohoa::storage {

// A buffer for secrets (passphrases, data keys): allocated with libsodium's guarded, mlock'ed
// allocator so it is never swapped, and wiped when released. Move-only.
class SecureBytes
{
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size);
    static SecureBytes fromString(std::string_view text);
    static SecureBytes random(std::size_t size);
    ~SecureBytes();

    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;

    unsigned char* data() { return data_; }
    const unsigned char* data() const { return data_; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    bool operator==(const SecureBytes& other) const;

    void wipe();

private:
    unsigned char* data_ = nullptr;
    std::size_t size_ = 0;
};

} // namespace sohoa::storage
