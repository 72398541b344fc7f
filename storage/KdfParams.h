// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>

namespace sohoa::storage {

// Argon2id cost parameters. They are recorded beside each wrapped key, so a store opened on a
// faster or slower machine keeps working, and stronger parameters apply to new slots only.
struct KdfParams
{
    std::uint64_t opsLimit = 3;
    std::size_t memLimitBytes = std::size_t{256} << 20;

    // Finds parameters that take about targetSeconds on this machine (memory fixed at 256 MiB,
    // iterations scaled), never below libsodium's "moderate" memory cost.
    static KdfParams calibrated(double targetSeconds = 0.5);

    // Cheap parameters that make tests fast. Only builds with SOHOA_TEST_HOOKS have them.
#ifdef SOHOA_TEST_HOOKS
    static KdfParams cheapForTests()
    {
        return {1, std::size_t{64} << 10};
    }
#endif
};

} // namespace sohoa::storage
